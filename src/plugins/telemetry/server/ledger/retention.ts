/** At most this many reports are deleted after one insert, so a lowered `maxReports` trims over several inserts. */
export const TRIM_BATCH = 100;

/**
 * The ids to delete so that `maxReports` remain: everything past the first `maxReports` of a listing sorted
 * newest first, at most `batch` of them. Pure.
 */
export function selectExpired(newestFirst: ReadonlyArray<{ id: string }>, maxReports: number, batch = TRIM_BATCH): string[] {
  return newestFirst.slice(maxReports, maxReports + batch).map(({ id }) => id);
}

import type { SavedObjectsClientContract, SavedObjectsFindOptions, SavedObjectsFindResult } from '../../../../core/server';

/** Page size of `findAll`: large pages, so few round trips, but never one unbounded read. */
export const FIND_ALL_PAGE_SIZE = 1000;

/**
 * Every object of a find, page by page (upstream read one page of at most 10,000 and silently stopped
 * there). Stops at the first short page, so objects added meanwhile cannot make it loop for ever.
 */
export async function findAll<T>(
  client: Pick<SavedObjectsClientContract, 'find'>,
  options: Omit<SavedObjectsFindOptions, 'page' | 'perPage'>,
  pageSize = FIND_ALL_PAGE_SIZE
): Promise<Array<SavedObjectsFindResult<T>>> {
  const all: Array<SavedObjectsFindResult<T>> = [];
  for (let page = 1; ; page++) {
    const { saved_objects: objects } = await client.find<T>({ ...options, page, perPage: pageSize });
    all.push(...objects);
    if (objects.length < pageSize) return all;
  }
}

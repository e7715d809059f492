/*
 * Daily UI-metric counts, as usage_collection keeps them: type `ui-metric-daily`, one object per event and UTC
 * day, id `<appName>:<eventName>:<YYYY-MM-DD>`, attributes `{ appName, eventName, date, count }`.
 * The counts of a few events over a few weeks are point reads by id (at most 100 events x 30 days): the store
 * answers them from its primary key, however many other events and days it holds, where an aggregation would
 * read every daily object of the window.
 */
import type { ISavedObjectsRepository } from '../../../../core/server';
import { UI_METRIC_DAILY_SAVED_OBJECT_TYPE, uiMetricDailyId } from '../../../usage_collection/server';

export interface UiEventKey {
  appName: string;
  eventName: string;
}

/**
 * For each event, its count summed over each of `windows` (lists of UTC days, e.g. the last 7 and the last
 * 30): one bulk read of every (event, day) object of the longest window. Keys are `<appName>:<eventName>`.
 */
export async function readUiMetricDaily(
  repository: ISavedObjectsRepository,
  events: UiEventKey[],
  windows: string[][]
): Promise<Array<Map<string, number>>> {
  const totals = windows.map(() => new Map<string, number>());
  const days = [...new Set(windows.flat())].sort();
  if (events.length === 0 || days.length === 0) return totals;
  const wanted = events.flatMap((key) => days.map((date) => ({ key, date })));
  const { saved_objects: found } = await repository.bulkGet<{ count?: unknown }>(
    wanted.map(({ key, date }) => ({ type: UI_METRIC_DAILY_SAVED_OBJECT_TYPE, id: uiMetricDailyId(key.appName, key.eventName, date), fields: ['count'] }))
  );
  found.forEach((object, i) => {
    const count = object.error ? 0 : Number(object.attributes?.count);
    if (!Number.isFinite(count) || count === 0) return;
    const { key, date } = wanted[i];
    const name = `${key.appName}:${key.eventName}`;
    windows.forEach((window, w) => {
      if (window.includes(date)) totals[w].set(name, (totals[w].get(name) ?? 0) + count);
    });
  });
  return totals;
}

import type { SavedObjectsIncrementCounterOperation } from '../../../../core/server';
import { UI_METRIC_SAVED_OBJECT_TYPE } from '../../common/constants';
import { UI_METRIC_DAILY_SAVED_OBJECT_TYPE } from '../usage_counters/constants';

/**
 * Daily ids remembered per day. The ingest caps keep a day's distinct ids near `uiMetric.maxKeys` (default
 * 10,000); past this bound (a cap raised very high) new ids simply keep sending their names.
 */
export const MAX_REMEMBERED_DAILY_IDS = 200_000;

/**
 * The store operations of a commit's counters: each `ui-metric` counter (`<appName>:<eventName>`) and its
 * count of the day (`ui-metric-daily`, `<appName>:<eventName>:<YYYY-MM-DD>`, `{ appName, eventName, date,
 * count }`).
 *
 * A daily object's names (`upsertAttributes`) only matter when a write creates it, and an operation
 * carrying them costs the SQLite store about seven times a plain increment to hand to its counter thread.
 * So they go with a daily id until a commit holding it succeeded (`stored`); the object then exists
 * (nothing deletes the objects of today: the cleanup keeps at least one day, and the types are hidden
 * from the saved-objects API), and later increments that day travel plain.
 */
export class StoredDailyIds {
  private date = '';
  private ids = new Set<string>();

  public operationsFor(counters: Map<string, number>, date: string) {
    if (date !== this.date) {
      this.date = date;
      this.ids = new Set();
    }
    const operations: SavedObjectsIncrementCounterOperation[] = new Array(counters.size * 2);
    const created: string[] = [];
    let i = 0;
    for (const [id, incrementBy] of counters) {
      operations[i++] = { type: UI_METRIC_SAVED_OBJECT_TYPE, id, counterFieldName: 'count', incrementBy };
    }
    for (const [id, incrementBy] of counters) {
      const dailyId = `${id}:${date}`;
      if (this.ids.has(dailyId)) {
        operations[i++] = { type: UI_METRIC_DAILY_SAVED_OBJECT_TYPE, id: dailyId, counterFieldName: 'count', incrementBy };
        continue;
      }
      // An app name (or user-agent key) never holds ':' (report rules): the first one ends it.
      const at = id.indexOf(':');
      const upsertAttributes = { appName: id.slice(0, at), eventName: id.slice(at + 1), date };
      operations[i++] = { type: UI_METRIC_DAILY_SAVED_OBJECT_TYPE, id: dailyId, counterFieldName: 'count', incrementBy, upsertAttributes };
      created.push(dailyId);
    }
    return { operations, created: { date, ids: created } };
  }

  /** The commit holding `created` succeeded: those daily objects exist. */
  public stored(created: { date: string; ids: string[] }) {
    // A commit that straddled midnight: its day is no longer remembered.
    if (created.date !== this.date) return;
    for (const id of created.ids) {
      if (this.ids.size >= MAX_REMEMBERED_DAILY_IDS) return;
      this.ids.add(id);
    }
  }
}

import type { SavedObjectsClientContract } from '../../../../../core/server';
import { UI_METRIC_SAVED_OBJECT_TYPE } from '../../../common/constants';
import type { MakeSchemaFrom } from '../../collector';
import type { UsageCollectionSetup } from '../../types';
import { TopCounters } from './top_counters';

/** `{ [appName]: [{ key: eventName, value: count }] }`. */
export interface UiMetricUsage {
  [appName: string]: Array<{ key: string; value: number }>;
}

/**
 * The report's budget: at most this many counters, the largest counts first. Legitimate use is a few
 * dozen events per application plus one counter per user agent, well under it; one client inventing
 * event names could otherwise grow the report (and every `/api/stats` answer) without bound, and a store
 * filled before ingest was capped still holds such names. Every reported counter costs the event loop
 * on each collection (ranking, schema filtering, serialising: about 2 ms per thousand on this project's
 * 2-core machine, in one piece), so the budget is half the ingest's default cap on stored counters
 * (`usageCollection.uiMetric.maxKeys`, 10,000): a store at that cap loses only its rarest half.
 */
export const UI_METRIC_MAX_KEYS = 5000;

/**
 * The pseudo-application that says what the report does not show, present only when something was left
 * out: `keys` counters over the budget (and `count`, the sum of their counts) and `invalid` stored
 * counters whose count is not a non-negative safe integer (data from before the store's counter guard)
 * or whose id has no application. An application name cannot contain ":", so it never collides with one.
 */
export const UI_METRIC_OMITTED_APP = 'ui_metric:omitted';

/** Counters read per page: one bounded read of the store, and a short slice of work for the event loop. */
export const UI_METRIC_PAGE_SIZE = 1000;

export const uiMetricSchema: MakeSchemaFrom<UiMetricUsage> = {
  DYNAMIC_KEY: {
    type: 'array',
    items: {
      key: { type: 'keyword', _meta: { description: 'The event name (or the user agent)' } },
      value: { type: 'long', _meta: { description: 'How many times it was counted' } },
    },
    _meta: {
      description:
        'The counters of one application, largest first; the entry "ui_metric:omitted" counts what the report left out: counters over its budget (keys, count) and unreadable ones (invalid)',
    },
  },
};

/**
 * The policy for a stored counter in the report: its count, or undefined when the stored value cannot
 * be a count (a string, a fraction, a negative or unsafe number), in which case it is skipped and
 * counted as invalid rather than failing the whole collector.
 */
export function readUiMetricCount(attributes: unknown): number | undefined {
  const count = (attributes as { count?: unknown } | null | undefined)?.count;
  return typeof count === 'number' && Number.isSafeInteger(count) && count >= 0 ? count : undefined;
}

/** Accumulates counters as they are read, keeping only the budget's worth. */
export class UiMetricAccumulator {
  private readonly top: TopCounters;
  private invalid = 0;

  constructor(maxKeys = UI_METRIC_MAX_KEYS) {
    this.top = new TopCounters(maxKeys);
  }

  public add(id: string, attributes: unknown) {
    const count = readUiMetricCount(attributes);
    if (count === undefined || id.indexOf(':') <= 0) {
      this.invalid++;
      return;
    }
    this.top.offer({ id, count });
  }

  /** Grouped by app (apps in the order of their largest counter); the event is everything after the first `:`. */
  public toUsage(): UiMetricUsage {
    // No prototype: an app named "__proto__" is then an ordinary key.
    const usage: UiMetricUsage = Object.create(null);
    for (const { id, count } of this.top.sorted()) {
      const colon = id.indexOf(':');
      const appName = id.slice(0, colon);
      (usage[appName] ??= []).push({ key: id.slice(colon + 1), value: count });
    }
    const omitted = [
      ...(this.top.omittedKeys > 0 ? [{ key: 'keys', value: this.top.omittedKeys }, { key: 'count', value: this.top.omittedCount }] : []),
      ...(this.invalid > 0 ? [{ key: 'invalid', value: this.invalid }] : []),
    ];
    if (omitted.length > 0) usage[UI_METRIC_OMITTED_APP] = omitted;
    return usage;
  }
}

/** The report from a list of counters (all in memory): for callers that already hold them, and tests. */
export function groupUiMetrics(objects: Array<{ id: string; attributes: unknown }>, maxKeys = UI_METRIC_MAX_KEYS): UiMetricUsage {
  const accumulator = new UiMetricAccumulator(maxKeys);
  for (const { id, attributes } of objects) accumulator.add(id, attributes);
  return accumulator.toUsage();
}

/**
 * Reads every counter with a keyset scan, one bounded page at a time: the store reads each page off the
 * event loop (SQLite's reader thread, or OpenSearch over HTTP), and this side only folds the page into
 * the budget, so a store of hundreds of thousands of counters never stalls the server.
 */
export async function collectUiMetrics(
  client: Pick<SavedObjectsClientContract, 'scan'>,
  maxKeys = UI_METRIC_MAX_KEYS
): Promise<UiMetricUsage> {
  const accumulator = new UiMetricAccumulator(maxKeys);
  for await (const page of client.scan({ type: UI_METRIC_SAVED_OBJECT_TYPE, perPage: UI_METRIC_PAGE_SIZE, fields: ['count'] })) {
    for (const object of page) accumulator.add(object.id, object.attributes);
  }
  // Ranking the kept counters, then the schema filter the collector set applies to the result, are the
  // largest single pieces of work of a collection: each gets its own turn, waiting requests go between.
  await nextTurn();
  const usage = accumulator.toUsage();
  await nextTurn();
  return usage;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Registers `ui_metric`: the stored ui-metric counters, grouped by app, within the report's budget. */
export function registerUiMetricUsageCollector(
  usageCollection: UsageCollectionSetup,
  getSavedObjectsClient: () => SavedObjectsClientContract | undefined,
  options: { maxKeys?: number } = {}
) {
  const collector = usageCollection.makeUsageCollector<UiMetricUsage>({
    type: 'ui_metric',
    category: 'usage',
    schema: uiMetricSchema,
    isReady: () => getSavedObjectsClient() !== undefined,
    fetch: async (_callCluster, _opensearchClient, { savedObjectsClient }) => {
      const client = savedObjectsClient ?? getSavedObjectsClient();
      if (!client) return undefined;
      return collectUiMetrics(client, options.maxKeys);
    },
  });
  usageCollection.registerCollector(collector);
}

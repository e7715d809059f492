import type { SavedObjectsClientContract } from '../../../../../core/server';
import { UI_METRIC_SAVED_OBJECT_TYPE } from '../../../common/constants';
import type { MakeSchemaFrom } from '../../collector';
import type { UsageCollectionSetup } from '../../types';
import { findAll } from '../find_all';

/** `{ [appName]: [{ key: eventName, value: count }] }`. */
export interface UiMetricUsage {
  [appName: string]: Array<{ key: string; value: number }>;
}

export const uiMetricSchema: MakeSchemaFrom<UiMetricUsage> = {
  DYNAMIC_KEY: {
    type: 'array',
    items: {
      key: { type: 'keyword', _meta: { description: 'The event name (or the user agent)' } },
      value: { type: 'long', _meta: { description: 'How many times it was counted' } },
    },
    _meta: { description: 'The counters of one application' },
  },
};

/** Groups counter ids `<appName>:<eventName>` by app; the event is everything after the first `:`. */
export function groupUiMetrics(objects: Array<{ id: string; attributes: { count?: unknown } }>): UiMetricUsage {
  // No prototype: an app named "__proto__" is then an ordinary key.
  const usage: UiMetricUsage = Object.create(null);
  for (const { id, attributes } of objects) {
    const colon = id.indexOf(':');
    if (colon <= 0) continue;
    const appName = id.slice(0, colon);
    const count = attributes?.count;
    if (typeof count !== 'number') continue;
    const entries = usage[appName] ?? (usage[appName] = []);
    entries.push({ key: id.slice(colon + 1), value: count });
  }
  return usage;
}

/** Registers `ui_metric`: every stored ui-metric counter, grouped by app, read page by page. */
export function registerUiMetricUsageCollector(
  usageCollection: UsageCollectionSetup,
  getSavedObjectsClient: () => SavedObjectsClientContract | undefined
) {
  const collector = usageCollection.makeUsageCollector<UiMetricUsage>({
    type: 'ui_metric',
    schema: uiMetricSchema,
    isReady: () => getSavedObjectsClient() !== undefined,
    fetch: async (_callCluster, _opensearchClient, { savedObjectsClient }) => {
      const client = savedObjectsClient ?? getSavedObjectsClient();
      if (!client) return undefined;
      const objects = await findAll<{ count?: unknown }>(client, { type: UI_METRIC_SAVED_OBJECT_TYPE, fields: ['count'] });
      return groupUiMetrics(objects);
    },
  });
  usageCollection.registerCollector(collector);
}

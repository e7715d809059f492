import type { SavedObjectsClientContract } from '../../../../../core/server';
import type { MakeSchemaFrom } from '../../collector';
import type { UsageCollectionSetup } from '../../types';

interface TypeTotal {
  total: number;
}

/** Saved-object counts of the main types, and the index they live in. */
export interface OpenSearchDashboardsUsage {
  index: string;
  dashboard: TypeTotal;
  visualization: TypeTotal;
  search: TypeTotal;
  index_pattern: TypeTotal;
  graph_workspace: TypeTotal;
}

const total = (what: string) => ({ total: { type: 'long' as const, _meta: { description: `Number of ${what} saved objects` } } });

export const openSearchDashboardsUsageSchema: MakeSchemaFrom<OpenSearchDashboardsUsage> = {
  index: { type: 'keyword', _meta: { description: 'The saved-objects index' } },
  dashboard: total('dashboard'),
  visualization: total('visualization'),
  search: total('saved search'),
  index_pattern: total('index pattern'),
  graph_workspace: total('graph workspace'),
};

/** Report key → saved-object type. */
const COUNTED_TYPES = {
  dashboard: 'dashboard',
  visualization: 'visualization',
  search: 'search',
  index_pattern: 'index-pattern',
  graph_workspace: 'graph-workspace',
} as const;

/** Counts each type with an empty page (only the total is read); a type no plugin registered counts 0. */
export async function getSavedObjectCounts(client: Pick<SavedObjectsClientContract, 'find'>) {
  const keys = Object.keys(COUNTED_TYPES) as Array<keyof typeof COUNTED_TYPES>;
  const totals = await Promise.all(keys.map((key) => client.find({ type: COUNTED_TYPES[key], perPage: 0 })));
  return Object.fromEntries(keys.map((key, i) => [key, { total: totals[i].total }])) as Record<keyof typeof COUNTED_TYPES, TypeTotal>;
}

/** Registers `opensearchDashboards`: saved-object counts per type. */
export function registerOpenSearchDashboardsUsageCollector(
  usageCollection: UsageCollectionSetup,
  index: string,
  getSavedObjectsClient: () => SavedObjectsClientContract | undefined
) {
  const collector = usageCollection.makeUsageCollector<OpenSearchDashboardsUsage>({
    type: 'opensearchDashboards',
    category: 'operational',
    schema: openSearchDashboardsUsageSchema,
    isReady: () => getSavedObjectsClient() !== undefined,
    fetch: async (_callCluster, _opensearchClient, { savedObjectsClient }) => {
      const client = savedObjectsClient ?? getSavedObjectsClient();
      if (!client) return undefined;
      return { index, ...(await getSavedObjectCounts(client)) };
    },
  });
  usageCollection.registerCollector(collector);
}

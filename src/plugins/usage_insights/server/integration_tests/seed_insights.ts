/*
 * Writes usage data straight into a store (the SQLite file a server opens, or an OpenSearch index) before
 * the server starts, through a repository with the real type definitions: application usage per day,
 * ui-metric counters and their daily counts, usage counters and ledger reports. For the API tests, the
 * browser test and the insights_api bench.
 */
import { join } from 'path';
import { Client } from '@opensearch-project/opensearch';
import {
  OpenSearchSavedObjectsBackend,
  SavedObjectsRepository,
  SavedObjectTypeRegistry,
  SqliteSavedObjectsBackend,
  SQLITE_FILE_NAME,
  type SavedObjectsBackend,
  type SavedObjectsBulkCreateObject,
} from '../../../../core/server/saved_objects';
import { applicationUsageSavedObjectTypes, uiMetricSavedObjectType } from '../../../usage_collection/server/collectors';
import { usageCountersSavedObjectTypes } from '../../../usage_collection/server/usage_counters/saved_object_types';
import { reportSavedObjectType } from '../../../telemetry/server/ledger';

const BATCH = 5000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The UTC day `daysAgo` days before `now`. */
export const dayBefore = (now: number, daysAgo: number) => new Date(now - daysAgo * DAY_MS).toISOString().slice(0, 10);

export type SeedObject = SavedObjectsBulkCreateObject<Record<string, unknown>>;

export const appDay = (appId: string, date: string, minutesOnScreen: number, numberOfClicks: number): SeedObject => ({
  type: 'application_usage_daily',
  id: `${appId}:${date}`,
  attributes: { appId, minutesOnScreen, numberOfClicks, timestamp: `${date}T00:00:00.000Z` },
});
export const uiMetric = (appName: string, eventName: string, count: number): SeedObject => ({
  type: 'ui-metric',
  id: `${appName}:${eventName}`,
  attributes: { count },
});
export const uiMetricDay = (appName: string, eventName: string, date: string, count: number): SeedObject => ({
  type: 'ui-metric-daily',
  id: `${appName}:${eventName}:${date}`,
  attributes: { appName, eventName, date, count },
});
export const usageCounter = (domainId: string, counterName: string, date: string, count: number, counterType = 'count'): SeedObject => ({
  type: 'usage-counters',
  id: `${domainId}:${counterName}:${counterType}:${date}`,
  attributes: { domainId, counterName, counterType, date, count },
});
export const ledgerReport = (id: string, generatedAt: string, status: string, sizeBytes: number): SeedObject => ({
  type: 'telemetry-report',
  id,
  attributes: { generatedAt, status, level: 'standard', destination: null, sizeBytes, sha256: 'a'.repeat(64), clusterUuid: 'c', encrypted: false, trigger: 'schedule' },
});

function registry() {
  const types = new SavedObjectTypeRegistry();
  for (const type of [uiMetricSavedObjectType, ...applicationUsageSavedObjectTypes, ...usageCountersSavedObjectTypes, reportSavedObjectType]) {
    types.registerType(type);
  }
  return types;
}

async function writeAll(backend: SavedObjectsBackend, typeRegistry: SavedObjectTypeRegistry, objects: Iterable<SeedObject>) {
  await backend.open();
  const allowedTypes = typeRegistry.getAllTypes().map((t) => t.name);
  const repository = new SavedObjectsRepository({ typeRegistry, backend, allowedTypes });
  let batch: SeedObject[] = [];
  let written = 0;
  const flush = async () => {
    const { saved_objects: saved } = await repository.bulkCreate(batch, { overwrite: true });
    const failed = saved.find((o) => o.error);
    if (failed) throw new Error(`seeding failed at ${failed.type}:${failed.id}: ${failed.error?.message}`);
    written += saved.length;
    batch = [];
  };
  for (const object of objects) {
    batch.push(object);
    if (batch.length === BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  return written;
}

/** Seeds `<dataPath>/saved_objects.sqlite`, the file a server with this `path.data` opens. */
export async function seedInsightsEmbedded(dataPath: string, objects: Iterable<SeedObject>) {
  const backend = new SqliteSavedObjectsBackend({ filePath: join(dataPath, SQLITE_FILE_NAME), synchronous: 'NORMAL' });
  try {
    return await writeAll(backend, registry(), objects);
  } finally {
    await backend.close();
  }
}

/** Seeds `index` on the node at `nodeUrl` (created with the types' mappings when missing), then refreshes it. */
export async function seedInsightsOpenSearch(nodeUrl: string, index: string, objects: Iterable<SeedObject>) {
  const client = new Client({ node: nodeUrl });
  try {
    const typeRegistry = registry();
    const backend = new OpenSearchSavedObjectsBackend({ client, index, typeRegistry, refresh: false });
    const written = await writeAll(backend, typeRegistry, objects);
    await client.indices.refresh({ index });
    return written;
  } finally {
    await client.close();
  }
}

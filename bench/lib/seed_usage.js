'use strict';
/*
 * Seeds a saved-objects store with a large usage data set, straight through the repository (one bulk
 * write per batch), for benchmarks and tests that need tens of thousands of objects in seconds:
 *   - `keys` ui-metric counters `app_<n % 200>:event_<n>` with deterministic counts from 1 to 1,000;
 *   - `days` days of daily application usage for `apps` applications (`bench_app_<a>:<YYYY-MM-DD>`),
 *     the most recent day today, `1 + (a + d) % 20` clicks on day `d` before today;
 *   - `extra` objects, as given (say, corrupt data).
 * The TypeScript sources are loaded through scripts/register_ts.js (bench.js and Jest both provide it).
 */
const { join } = require('path');

const BATCH = 5000;
const DAY_MS = 24 * 60 * 60 * 1000;

function loadTypes() {
  const { SavedObjectTypeRegistry, SavedObjectsRepository } = require('../../src/core/server/saved_objects');
  const { uiMetricSavedObjectType, applicationUsageSavedObjectTypes } = require('../../src/plugins/usage_collection/server/collectors');
  const registry = new SavedObjectTypeRegistry();
  for (const type of [uiMetricSavedObjectType, ...applicationUsageSavedObjectTypes]) registry.registerType(type);
  return { registry, SavedObjectsRepository };
}

/** The count of seeded ui-metric counter `i`. */
const seededCount = (i) => 1 + ((i * 7919) % 1000);

/** The seeded objects, as `bulkCreate` input, in batches; `extra` objects are written as given, last. */
function* seedBatches({ keys, apps, days, extra = [], now = Date.now() }) {
  let batch = [];
  const push = function* (object) {
    batch.push(object);
    if (batch.length === BATCH) {
      yield batch;
      batch = [];
    }
  };
  for (let i = 0; i < keys; i++) {
    yield* push({ type: 'ui-metric', id: `app_${i % 200}:event_${i}`, attributes: { count: seededCount(i) } });
  }
  for (let a = 0; a < apps; a++) {
    for (let d = 0; d < days; d++) {
      const day = new Date(now - d * DAY_MS).toISOString().slice(0, 10);
      const appId = `bench_app_${a}`;
      yield* push({
        type: 'application_usage_daily',
        id: `${appId}:${day}`,
        attributes: { appId, numberOfClicks: 1 + ((a + d) % 20), minutesOnScreen: ((a * d) % 30) / 2, timestamp: `${day}T00:00:00.000Z` },
      });
    }
  }
  for (const object of extra) yield* push(object);
  if (batch.length > 0) yield batch;
}

async function seedThrough(backend, registry, SavedObjectsRepository, data) {
  const repository = new SavedObjectsRepository({ typeRegistry: registry, backend, allowedTypes: registry.getAllTypes().map((t) => t.name) });
  let written = 0;
  for (const batch of seedBatches(data)) {
    const { saved_objects: saved } = await repository.bulkCreate(batch, { overwrite: true });
    const failed = saved.find((o) => o.error);
    if (failed) throw new Error(`seeding failed at ${failed.type}:${failed.id}: ${failed.error.message}`);
    written += saved.length;
  }
  return written;
}

/** Seeds the embedded store of `dataPath` (the file the server opens: `<dataPath>/saved_objects.sqlite`). */
async function seedEmbedded({ dataPath, keys, apps, days, extra }) {
  const { SqliteSavedObjectsBackend, SQLITE_FILE_NAME } = require('../../src/core/server/saved_objects');
  const { registry, SavedObjectsRepository } = loadTypes();
  const backend = new SqliteSavedObjectsBackend({ filePath: join(dataPath, SQLITE_FILE_NAME), synchronous: 'NORMAL' });
  await backend.open();
  try {
    return await seedThrough(backend, registry, SavedObjectsRepository, { keys, apps, days, extra });
  } finally {
    await backend.close();
  }
}

/** Seeds `index` on the node at `nodeUrl` (created with the types' mappings when missing), then refreshes it. */
async function seedOpenSearch({ nodeUrl, index, keys, apps, days, extra }) {
  const { Client } = require('@opensearch-project/opensearch');
  const { OpenSearchSavedObjectsBackend } = require('../../src/core/server/saved_objects');
  const { registry, SavedObjectsRepository } = loadTypes();
  const client = new Client({ node: nodeUrl });
  try {
    const backend = new OpenSearchSavedObjectsBackend({ client, index, typeRegistry: registry, refresh: false });
    await backend.open();
    const written = await seedThrough(backend, registry, SavedObjectsRepository, { keys, apps, days, extra });
    await client.indices.refresh({ index });
    return written;
  } finally {
    await client.close();
  }
}

module.exports = { seedEmbedded, seedOpenSearch, seedBatches, seededCount };

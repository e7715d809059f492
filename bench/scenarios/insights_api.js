'use strict';
/*
 * insights_api: the Usage insights page's API on a large store.
 *
 * The store is seeded directly (through the saved-objects repository) with `--days` days (default 90) of
 * daily application usage for `--apps` applications (default 50), `--keys` ui-metric counters (default 10,000)
 * with a daily count on every `--every`-th day (default 3: 30 days each, 300,000 daily objects), and usage
 * counters for 10 domains x 10 counters x `--days` days; then the real server starts on it (security on,
 * session cookie). Phases, each `--calls` times (default 20, after 3 warm-up calls):
 *   floor  - `GET /api/status` (the platform's cost of one authenticated request: the baseline);
 *   each route of the page alone (applications 7/30/90 days, ui_events, usage_counters 30 days, reports,
 *   collectors: its first call measures every collector, later calls are served from its one-minute cache);
 *   page   - what the page sends on load, all at once (applications, usage_counters, ui_events, reports and
 *            collectors), timed until the last answer.
 * Target: the page's answers under 200 ms (p50 of the page phase; its p99 is recorded). Ratios: each against
 * the floor measured in the same run, and against a full scan of the same data (what the page would cost
 * if it read every object instead of aggregating in the store), measured in the same run too.
 * `--store=embedded` (default), `opensearch` (a real node from test/opensearch) or `both`.
 */
const { mkdtempSync, rmSync } = require('fs');
const { tmpdir } = require('os');
const { join } = require('path');
const { percentile, round } = require('../lib/load');
const { api, startOsdServer } = require('../../test/harness/osd_server');
const { AUTH_PARAMETERS, SECURITY_ARGS, loginSession } = require('../lib/session');
const seed = require('../../src/plugins/usage_insights/server/integration_tests/seed_insights');

const DAY_MS = 24 * 60 * 60 * 1000;
const DOMAINS = 10;
const COUNTERS_PER_DOMAIN = 10;

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { count: samples.length, p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), max: round(sorted[sorted.length - 1] || 0) };
}

/** The seeded objects, lazily (hundreds of thousands). */
function* objects({ apps, days, keys, every, now }) {
  const day = (ago) => new Date(now - ago * DAY_MS).toISOString().slice(0, 10);
  for (let a = 0; a < apps; a++) {
    for (let d = 0; d < days; d++) yield seed.appDay(`bench_app_${a}`, day(d), ((a * d) % 30) / 2, 1 + ((a + d) % 20));
  }
  for (let i = 0; i < keys; i++) {
    const app = `app_${i % 200}`;
    yield seed.uiMetric(app, `event_${i}`, 1 + ((i * 7919) % 1000));
    for (let d = i % every; d < days; d += every) yield seed.uiMetricDay(app, `event_${i}`, day(d), 1 + ((i + d) % 9));
  }
  for (let m = 0; m < DOMAINS; m++) {
    for (let c = 0; c < COUNTERS_PER_DOMAIN; c++) {
      for (let d = 0; d < days; d++) yield seed.usageCounter(`domain_${m}`, `counter_${c}`, day(d), 1 + ((m + c + d) % 7));
    }
  }
  for (let r = 0; r < 30; r++) yield seed.ledgerReport(`report-${r}`, new Date(now - r * DAY_MS).toISOString(), r % 7 === 3 ? 'failed' : 'sent', 40_000 + r * 100);
}

async function time(request) {
  const started = process.hrtime.bigint();
  const res = await request();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (res.status !== 200) throw new Error(`answered ${res.status}: ${res.text.slice(0, 300)}`);
  return { ms, res };
}

async function phase(request, { calls, warmupCalls }) {
  for (let i = 0; i < warmupCalls; i++) await time(request);
  const durations = [];
  let last;
  for (let i = 0; i < calls; i++) {
    const t = await time(request);
    durations.push(t.ms);
    last = t.res;
  }
  return { ...stats(durations), bytes: last.text.length };
}

/** The naive alternative: read every object of the page's types through the repository's scan and sum in JS. */
async function fullScanBaseline({ store, dataPath, nodeUrl, index, calls }) {
  const { SavedObjectTypeRegistry, SavedObjectsRepository, SqliteSavedObjectsBackend, OpenSearchSavedObjectsBackend, SQLITE_FILE_NAME } = require('../../src/core/server/saved_objects');
  const { applicationUsageSavedObjectTypes, uiMetricSavedObjectType } = require('../../src/plugins/usage_collection/server/collectors');
  const { usageCountersSavedObjectTypes } = require('../../src/plugins/usage_collection/server/usage_counters/saved_object_types');
  const typeRegistry = new SavedObjectTypeRegistry();
  for (const t of [uiMetricSavedObjectType, ...applicationUsageSavedObjectTypes, ...usageCountersSavedObjectTypes]) typeRegistry.registerType(t);
  let client;
  let backend;
  if (store === 'opensearch') {
    const { Client } = require('@opensearch-project/opensearch');
    client = new Client({ node: nodeUrl });
    backend = new OpenSearchSavedObjectsBackend({ client, index, typeRegistry });
  } else {
    backend = new SqliteSavedObjectsBackend({ filePath: join(dataPath, SQLITE_FILE_NAME), readerThread: true });
  }
  await backend.open();
  try {
    const repository = new SavedObjectsRepository({ typeRegistry, backend, allowedTypes: typeRegistry.getAllTypes().map((t) => t.name) });
    const durations = [];
    let objectsRead = 0;
    for (let i = 0; i < Math.max(1, Math.min(calls, 3)); i++) {
      const started = process.hrtime.bigint();
      objectsRead = 0;
      const sums = new Map();
      for (const type of ['application_usage_daily', 'ui-metric-daily', 'usage-counters']) {
        for await (const page of repository.scan({ type, perPage: 10_000 })) {
          objectsRead += page.length;
          for (const o of page) sums.set(type, (sums.get(type) || 0) + Number(o.attributes.count ?? o.attributes.numberOfClicks ?? 0));
        }
      }
      durations.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    return { ...stats(durations), objectsRead };
  } finally {
    await backend.close();
    await client?.close();
  }
}

async function runStore(store, params, log) {
  const dataPath = mkdtempSync(join(tmpdir(), 'osd-bench-insights-'));
  let node;
  const index = '.osd_bench_insights_api';
  try {
    const now = Date.now();
    let args = [...SECURITY_ARGS, '--logging.root.level=warn', '--usageCollection.maximumWaitTimeForAllCollectorsInS=0'];
    const started = Date.now();
    if (store === 'opensearch') {
      const { startOpenSearch } = require('../../test/opensearch/opensearch_node');
      log('  starting an OpenSearch node...');
      node = await startOpenSearch({});
      log(`  seeding ${index}...`);
      await seed.seedInsightsOpenSearch(node.url, index, objects({ ...params, now }));
      args = [...args, `--opensearch.hosts=${node.url}`, `--opensearchDashboards.index=${index}`];
    } else {
      log('  seeding the embedded store...');
      await seed.seedInsightsEmbedded(dataPath, objects({ ...params, now }));
    }
    const seedMs = Date.now() - started;
    log(`  seeded in ${round(seedMs / 1000)} s`);
    const server = await startOsdServer({ dataPath, args, timeoutMs: 180_000 });
    const result = { store, seedMs };
    try {
      const headers = { cookie: await loginSession(server.url) };
      const get = (path) => () => api(`${server.url}${path}`, 'GET', undefined, headers);
      const opts = { calls: params.calls, warmupCalls: params.warmupCalls };
      await new Promise((r) => setTimeout(r, 2000));
      log(`  ${store}: floor (GET /api/status)...`);
      result.floor = await phase(get('/api/status'), opts);
      log(`  ${store}: collectors, first call (measures every collector)...`);
      result.collectorsCold = (await time(get('/api/usage_insights/collectors'))).ms;
      result.routes = {};
      for (const path of [
        '/api/usage_insights/applications?days=7',
        '/api/usage_insights/applications?days=30',
        '/api/usage_insights/applications?days=90',
        '/api/usage_insights/ui_events?limit=20',
        '/api/usage_insights/usage_counters?days=30',
        '/api/usage_insights/reports',
        '/api/usage_insights/collectors',
      ]) {
        log(`  ${store}: ${path}...`);
        result.routes[path] = await phase(get(path), opts);
      }
      log(`  ${store}: the page's requests together...`);
      const page = ['applications?days=30', 'usage_counters?days=30', 'ui_events?limit=20', 'reports', 'collectors'].map((p) => get(`/api/usage_insights/${p}`));
      result.page = await phase(async () => {
        const answers = await Promise.all(page.map((request) => request()));
        const failed = answers.find((a) => a.status !== 200);
        return failed ?? { status: 200, text: answers.map((a) => a.text).join('') };
      }, opts);
      const check = (await get('/api/usage_insights/applications?days=90')()).body;
      result.check = { applications: check.apps.length, days: check.dates.length, events: (await get('/api/usage_insights/ui_events?limit=20')()).body.events.slice(0, 2) };
    } finally {
      await server.stop();
    }
    log(`  ${store}: full-scan baseline (every object of the page's types, through scan)...`);
    result.fullScan = await fullScanBaseline({ store, dataPath, nodeUrl: node?.url, index, calls: params.calls });
    return result;
  } finally {
    await node?.stop();
    rmSync(dataPath, { recursive: true, force: true });
  }
}

async function run({ store = 'embedded', keys = 10_000, apps = 50, days = 90, every = 3, calls = 20, warmupCalls = 3, log = console.log } = {}) {
  const stores = store === 'both' ? ['embedded', 'opensearch'] : [store];
  const params = { keys, apps, days, every, calls, warmupCalls };
  const results = [];
  for (const s of stores) results.push(await runStore(s, params, log));
  const targets = {};
  const ratios = {};
  const summary = [];
  for (const r of results) {
    targets[`${r.store}: the page's API answers under 200 ms (p50 of all its requests together)`] = { targetMs: 200, p50Ms: r.page.p50, p99Ms: r.page.p99, met: r.page.p50 < 200 };
    ratios[r.store] = {
      pageToFloor: round(r.page.p50 / Math.max(r.floor.p50, 0.01)),
      pageToFullScan: round(r.page.p50 / Math.max(r.fullScan.p50, 0.01)),
      routesToFloor: Object.fromEntries(Object.entries(r.routes).map(([path, s]) => [path, round(s.p50 / Math.max(r.floor.p50, 0.01))])),
    };
    summary.push(
      `${r.store}: page p50 ${r.page.p50} ms, p99 ${r.page.p99} ms (target < 200); floor /api/status p50 ${r.floor.p50} ms (ratio ${ratios[r.store].pageToFloor}); full scan of the same data ${r.fullScan.p50} ms over ${r.fullScan.objectsRead} objects (ratio ${ratios[r.store].pageToFullScan})`,
      ...Object.entries(r.routes).map(([path, s]) => `${r.store}: ${path} p50 ${s.p50} ms, p99 ${s.p99} ms, ${s.bytes} bytes`),
      `${r.store}: collectors first call ${round(r.collectorsCold)} ms (runs every collector; cached a minute after)`
    );
  }
  const dailyUiMetric = keys * Math.ceil(days / every);
  return {
    parameters: { ...AUTH_PARAMETERS, stores, keys, apps, days, every, dailyUiMetricObjects: dailyUiMetric, applicationDays: apps * days, usageCounterObjects: DOMAINS * COUNTERS_PER_DOMAIN * days, calls, warmupCalls },
    results,
    ratios,
    targets,
    summary,
  };
}

module.exports = {
  name: 'insights_api',
  description: "the Usage insights page's API over 90 days x 50 apps x 10,000 ui-metric keys (daily counts), against /api/status and a full scan",
  run,
};

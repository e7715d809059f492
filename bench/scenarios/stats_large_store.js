'use strict';
/*
 * stats_large_store: collection on a large store must never stall the server.
 *
 * The store is seeded directly (through the saved-objects repository, not 50,000 HTTP requests) with
 * `--keys` ui-metric counters (default 50,000) and `--days` days of daily application usage for `--apps`
 * applications (default 90 x 50 = 4,500 documents), then the real server starts on it. Three phases:
 *   idle    - the baseline: a `/api/status` probe (one request at a time, every 10 ms) against the idle
 *             server;
 *   stats   - `GET /api/stats?extended=true&legacy=true` called `--calls` times in a row (after warm-up
 *             calls), with the same probe running beside it;
 *   report  - the same with the telemetry report (`POST /api/telemetry/v2/clusters/_stats`, unencrypted,
 *             refreshCache) - what the scheduled sender collects.
 * Targets: every collection answers in under 1 s, and the probe's p99 while collecting stays under 50 ms
 * (its max is recorded too). The ratio is the probe's p99 under collection against the idle baseline.
 * `--store=embedded` (default), `opensearch` (a real node from test/opensearch) or `both`.
 * Security is on: every request carries the session cookie of one login as the harness admin.
 */
const { mkdtempSync, rmSync } = require('fs');
const { tmpdir } = require('os');
const { join } = require('path');
const { percentile, round } = require('../lib/load');
const { api, startOsdServer } = require('../../test/harness/osd_server');
const { AUTH_PARAMETERS, SECURITY_ARGS, loginSession } = require('../lib/session');
const { seedEmbedded, seedOpenSearch } = require('../lib/seed_usage');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { count: samples.length, p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), max: round(sorted[sorted.length - 1] || 0) };
}

/** `/api/status`, one request at a time with `intervalMs` between them, until `stop()`; returns the latencies. */
function startProbe(url, headers, intervalMs = 10) {
  const latencies = [];
  let failures = 0;
  let stopped = false;
  const done = (async () => {
    while (!stopped) {
      const started = process.hrtime.bigint();
      const res = await api(`${url}/api/status`, 'GET', undefined, headers).catch(() => undefined);
      if (!res || res.status !== 200) failures++;
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      await sleep(intervalMs);
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await done;
      return { ...stats(latencies), failures };
    },
  };
}

/** Calls `request` `calls` times in a row (after `warmupCalls`) with the probe beside the measured ones. */
async function collectUnderProbe(url, headers, { request, calls, warmupCalls, check }) {
  for (let i = 0; i < warmupCalls; i++) check(await request());
  const probe = startProbe(url, headers);
  const durations = [];
  let last;
  let failure;
  for (let i = 0; i < calls && !failure; i++) {
    const started = process.hrtime.bigint();
    last = await request();
    durations.push(Number(process.hrtime.bigint() - started) / 1e6);
    try {
      check(last);
    } catch (error) {
      failure = error;
    }
  }
  const probeResult = await probe.stop();
  if (failure) throw failure;
  return { calls: stats(durations), samplesMs: durations.map(round), probe: probeResult, last };
}

const expectOk = (what) => (res) => {
  if (res.status !== 200) throw new Error(`${what} answered ${res.status}: ${res.text.slice(0, 300)}`);
};

/** What the stats body says about the seeded data: reported keys, the budget's note, applications. */
function describeUsage(usage) {
  const uiMetric = usage.ui_metric || {};
  const omitted = Object.fromEntries((uiMetric['ui_metric:omitted'] || []).map(({ key, value }) => [key, value]));
  const reportedKeys = Object.entries(uiMetric).filter(([app]) => app !== 'ui_metric:omitted').reduce((n, [, entries]) => n + entries.length, 0);
  const apps = Object.keys(usage.application_usage || {});
  return { reportedKeys, omitted, applications: apps.length, sampleApplication: usage.application_usage?.[apps[0]] };
}

async function measureStore({ name, url, headers, calls, warmupCalls, idleMs, log }) {
  // The first seconds after start-up carry start-up work (bundle cache, first ops sample): let them pass.
  await sleep(2000);
  log(`  ${name}: idle probe for ${idleMs / 1000}s...`);
  const idleProbe = startProbe(url, headers);
  await sleep(idleMs);
  const idle = await idleProbe.stop();

  log(`  ${name}: ${calls} x GET /api/stats?extended=true&legacy=true with the probe...`);
  const statsPhase = await collectUnderProbe(url, headers, {
    request: () => api(`${url}/api/stats?extended=true&legacy=true`, 'GET', undefined, headers),
    calls,
    warmupCalls,
    check: expectOk('/api/stats'),
  });
  const usage = describeUsage(statsPhase.last.body.usage);
  const collectorStats = statsPhase.last.body.usage.usage_collector_stats;

  log(`  ${name}: ${calls} x POST /api/telemetry/v2/clusters/_stats with the probe...`);
  const reportPhase = await collectUnderProbe(url, headers, {
    request: () => api(`${url}/api/telemetry/v2/clusters/_stats`, 'POST', { unencrypted: true, refreshCache: true }, headers),
    calls,
    warmupCalls: 1,
    check: expectOk('the telemetry report'),
  });
  const reportBytes = reportPhase.last.text.length;
  const strip = ({ last, ...rest }) => rest;
  return {
    idle,
    stats: { ...strip(statsPhase), responseBytes: statsPhase.last.text.length, usage, collectorsTimedOut: collectorStats?.timed_out?.names ?? [] },
    report: { ...strip(reportPhase), responseBytes: reportBytes },
  };
}

async function runStore(store, params, log) {
  const dataPath = mkdtempSync(join(tmpdir(), 'osd-bench-stats-'));
  let node;
  try {
    const started = Date.now();
    let args = [...SECURITY_ARGS, '--logging.root.level=warn', '--usageCollection.maximumWaitTimeForAllCollectorsInS=0'];
    if (store === 'opensearch') {
      const { startOpenSearch } = require('../../test/opensearch/opensearch_node');
      log('  starting an OpenSearch node...');
      node = await startOpenSearch({});
      const index = '.osd_bench_stats_large_store';
      log(`  seeding ${params.keys} ui-metric keys and ${params.apps} apps x ${params.days} days into ${index}...`);
      await seedOpenSearch({ nodeUrl: node.url, index, ...params });
      args = [...args, `--opensearch.hosts=${node.url}`, `--opensearchDashboards.index=${index}`];
    } else {
      log(`  seeding ${params.keys} ui-metric keys and ${params.apps} apps x ${params.days} days into the embedded store...`);
      await seedEmbedded({ dataPath, ...params });
    }
    const seedMs = Date.now() - started;
    const server = await startOsdServer({ dataPath, args, timeoutMs: 120_000 });
    try {
      const headers = { cookie: await loginSession(server.url) };
      const result = await measureStore({ name: store, url: server.url, headers, ...params, log });
      return { store, seedMs, ...result };
    } finally {
      await server.stop();
    }
  } finally {
    await node?.stop();
    rmSync(dataPath, { recursive: true, force: true });
  }
}

async function run({ store = 'embedded', keys = 50_000, apps = 50, days = 90, calls = 10, warmupCalls = 2, idleS = 5, log = console.log } = {}) {
  const stores = store === 'both' ? ['embedded', 'opensearch'] : [store];
  const params = { keys, apps, days, calls, warmupCalls, idleMs: idleS * 1000 };
  const results = [];
  for (const s of stores) results.push(await runStore(s, params, log));

  const targets = {};
  const ratios = {};
  const summary = [];
  for (const r of results) {
    const loadedP99 = Math.max(r.stats.probe.p99, r.report.probe.p99);
    const loadedMax = Math.max(r.stats.probe.max, r.report.probe.max);
    const slowest = Math.max(r.stats.calls.max, r.report.calls.max);
    targets[`${r.store}: every collection under 1 s`] = { targetMs: 1000, statsMaxMs: r.stats.calls.max, reportMaxMs: r.report.calls.max, met: slowest < 1000 };
    const probeFailures = r.stats.probe.failures + r.report.probe.failures;
    targets[`${r.store}: /api/status p99 under 50 ms while collecting`] = { targetMs: 50, statsP99Ms: r.stats.probe.p99, reportP99Ms: r.report.probe.p99, maxMs: loadedMax, probeFailures, met: loadedP99 < 50 && probeFailures === 0 };
    ratios[r.store] = { probeP99LoadedToIdle: round(loadedP99 / Math.max(r.idle.p99, 0.01)), probeMaxLoadedToIdle: round(loadedMax / Math.max(r.idle.max, 0.01)) };
    summary.push(
      `${r.store}: /api/stats?extended&legacy median ${r.stats.calls.p50} ms, max ${r.stats.calls.max} ms (target < 1000; ${r.stats.responseBytes} bytes, ${r.stats.usage.reportedKeys} ui-metric keys reported, omitted ${JSON.stringify(r.stats.usage.omitted)}, ${r.stats.usage.applications} applications)`,
      `${r.store}: telemetry report median ${r.report.calls.p50} ms, max ${r.report.calls.max} ms (target < 1000; ${r.report.responseBytes} bytes)`,
      `${r.store}: /api/status probe idle p99 ${r.idle.p99} ms (max ${r.idle.max}); while collecting p99 ${r.stats.probe.p99} / ${r.report.probe.p99} ms (target < 50), max ${loadedMax} ms; p99 ratio loaded/idle ${ratios[r.store].probeP99LoadedToIdle}`
    );
  }
  return { parameters: { ...AUTH_PARAMETERS, stores, keys, apps, days, dailyDocuments: apps * days, calls, warmupCalls, idleS }, results, ratios, targets, summary };
}

module.exports = {
  name: 'stats_large_store',
  description: '/api/stats and the telemetry report on a store of 50,000 ui-metric keys and 90 days x 50 apps, with a concurrent /api/status probe',
  run,
};

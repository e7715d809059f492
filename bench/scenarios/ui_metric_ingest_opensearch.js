'use strict';
/*
 * ui_metric_ingest_opensearch: ui-metric ingest into a real OpenSearch node (test/opensearch), ours against
 * upstream's strategy, on the same node in the same run.
 *
 *   ours     - the real server with `--opensearch.hosts`: `POST /api/ui_metric/report` from 32 closed-loop
 *              clients, 100 metrics per report; the reports are group-committed and each commit is one
 *              `incrementCounters` = one `_bulk` of scripted upserts (answer once the `_bulk` is done).
 *   backend  - the same backend code (`applyCounterBatch`, what `incrementCounters` runs: one mget + one
 *              `_bulk`) called straight from the bench process, one call per report, 32 reporters: the
 *              batched path without the server's one-commit-at-a-time group commit.
 *   backend, refresh false - informative only: the same without waiting for a refresh per `_bulk` (the
 *              backend's default is `wait_for`, up to one refresh interval, 1 s, per write).
 *   upstream - upstream's strategy: every metric of a report is its own scripted `update` (the same Painless
 *              script and upsert our backend sends, refresh `wait_for` as upstream's repository), the
 *              report's updates sent together (`Promise.all`) and acknowledged when all are done. It runs
 *              in the bench process straight against the node, with the same 32 concurrent reporters and
 *              the same bodies; it pays no HTTP/validation cost of a server, so the ratio is conservative.
 *              (The usage_test_plugin's upstream route is not used here: on OpenSearch the backend's
 *              `incrementCounter` itself is group-committed, so it would not be upstream's strategy.)
 * The server runs with security on (INGEST_ARGS) and the load carries the session cookie of one login.
 * Each phase has its own index. After each phase the stored totals are read straight from the node (a sum
 * over the `ui-metric` documents) and compared with the acknowledged ones.
 */
const { runLoad, round, percentile } = require('../lib/load');
const { AUTH_PARAMETERS, loginSession } = require('../lib/session');
const { INGEST_ARGS, makeBodies } = require('./ui_metric_ingest');
const { startOsdServer } = require('../../test/harness/osd_server');
const { startOpenSearch } = require('../../test/opensearch/opensearch_node');

const OURS_INDEX = '.osd_bench_ours';
const BACKEND_INDEX = '.osd_bench_backend';
const BACKEND_NO_REFRESH_INDEX = '.osd_bench_backend_no_refresh';
const UPSTREAM_INDEX = '.osd_bench_upstream';

async function nodeRequest(url, method = 'GET', body) {
  const res = await fetch(url, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
  const json = await res.json().catch(() => undefined);
  return { status: res.status, body: json };
}

/** Sum and number of the `ui-metric` counters stored in `index`, straight from the node. */
async function storedInIndex(nodeUrl, index) {
  await nodeRequest(`${nodeUrl}/${index}/_refresh`, 'POST');
  const { status, body } = await nodeRequest(`${nodeUrl}/${index}/_search`, 'POST', {
    size: 0,
    query: { term: { type: 'ui-metric' } },
    aggs: { total: { sum: { field: 'ui-metric.count' } } },
    track_total_hits: true,
  });
  if (status !== 200) throw new Error(`search of ${index} answered ${status}: ${JSON.stringify(body)}`);
  return { sum: body.aggregations.total.value, docs: body.hits.total.value };
}

/** The operations upstream's ui-metric store makes of one report body: one counter per metric. */
function opsOf(body) {
  const { uiStatsMetrics } = JSON.parse(body.toString()).report;
  const time = new Date().toISOString();
  return Object.values(uiStatsMetrics).map(({ appName, eventName, stats }) => {
    const id = `ui-metric:${appName}:${eventName}`;
    return { id, type: 'ui-metric', counterFieldName: 'count', incrementBy: stats.sum, time, upsert: { type: 'ui-metric', updated_at: time, 'ui-metric': { count: stats.sum } } };
  });
}

/**
 * A closed loop of `concurrency` reporters straight against the node, for `durationMs` after `warmupMs`:
 * `store(ops)` stores one report's operations and resolves once they are acknowledged.
 */
async function runDirect({ store, bodies, sums, concurrency, warmupMs, durationMs, javaPid, cpuTimeMs }) {
  let next = 0;
  let measuring = false;
  let stop = false;
  let ok = 0;
  let failed = 0;
  let acknowledgedSum = 0;
  let firstError;
  const latencies = [];
  const reporter = async () => {
    while (!stop) {
      const i = next++ % bodies.length;
      const started = process.hrtime.bigint();
      try {
        await store(opsOf(bodies[i]));
        acknowledgedSum += sums[i];
        if (measuring) {
          ok++;
          latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
        }
      } catch (error) {
        // Some updates of the report may have applied: the read-back then shows more than acknowledged.
        if (measuring) failed++;
        firstError ??= String(error.message || error);
      }
    }
  };
  const reporters = Array.from({ length: concurrency }, reporter);
  await new Promise((r) => setTimeout(r, warmupMs));
  measuring = true;
  const started = process.hrtime.bigint();
  const cpuBefore = cpuTimeMs(javaPid);
  await new Promise((r) => setTimeout(r, durationMs));
  measuring = false;
  const cpuAfter = cpuTimeMs(javaPid);
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  stop = true;
  await Promise.all(reporters);
  latencies.sort((a, b) => a - b);
  const pct = (p) => round(percentile(latencies, p));
  return {
    requests: ok,
    failed,
    firstError,
    elapsedMs: Math.round(elapsedMs),
    requestsPerSecond: (ok * 1000) / elapsedMs,
    latencyMs: { p50: pct(50), p99: pct(99), max: round(latencies[latencies.length - 1] || 0) },
    nodeCpuMicrosPerReport: cpuBefore !== undefined && cpuAfter !== undefined && ok > 0 ? Math.round(((cpuAfter - cpuBefore) * 1000) / ok) : undefined,
    acknowledgedSum,
  };
}

async function run({ durationS = 10, warmupS = 2, concurrency = 32, metricsPerReport = 100, counters = 100, log = console.log } = {}) {
  require('../../scripts/register_ts');
  const { Client } = require('@opensearch-project/opensearch');
  const { counterUpdateBody } = require('../../src/core/server/saved_objects/backend/opensearch/counter_script');
  const { applyCounterBatch } = require('../../src/core/server/saved_objects/backend/opensearch/opensearch_counters');
  const { CounterWriter } = require('../../src/core/server/saved_objects/backend/opensearch/counter_writer');
  const { cpuTimeMs } = require('../lib/load');
  const eventsPerApp = 25;
  const { bodies, sums } = makeBodies({ count: 512, metricsPerReport, apps: Math.ceil(Number(counters) / eventsPerApp), eventsPerApp });
  const load = { concurrency, warmupMs: warmupS * 1000, durationMs: durationS * 1000 };
  const perSecond = (r) => round(r.requestsPerSecond * metricsPerReport);

  log('  starting one OpenSearch node...');
  const node = await startOpenSearch({});
  log(`  node ${node.url} (pid ${node.pid}) yellow after ${node.startupMs} ms`);
  const client = new Client({ node: node.url });
  try {
    // ours: the real server on the node.
    const server = await startOsdServer({
      args: [...INGEST_ARGS, `--opensearch.hosts=${node.url}`, `--opensearchDashboards.index=${OURS_INDEX}`],
    });
    let ours;
    try {
      let acknowledgedSum = 0;
      const cookie = await loginSession(server.url);
      log(`  ours (group commit, one _bulk per commit): ${warmupS}s warm-up, ${durationS}s measured...`);
      const cpuJavaBefore = cpuTimeMs(node.pid);
      ours = await runLoad({
        port: server.port,
        serverPid: server.process.pid,
        path: '/api/ui_metric/report',
        headers: { 'osd-xsrf': 'bench', cookie },
        bodies,
        ...load,
        onResponse: (i, status) => {
          if (status === 200) acknowledgedSum += sums[i];
        },
      });
      const cpuJavaAfter = cpuTimeMs(node.pid);
      const stored = await storedInIndex(node.url, OURS_INDEX);
      ours = {
        ...ours,
        incrementsPerSecond: perSecond(ours),
        // Node CPU over warm-up + measure + drain, per measured report: indicative only.
        nodeCpuMsTotal: cpuJavaBefore !== undefined && cpuJavaAfter !== undefined ? round(cpuJavaAfter - cpuJavaBefore) : undefined,
        verification: { acknowledgedSum, storedSum: stored.sum, storedCounters: stored.docs, exact: stored.sum === acknowledgedSum },
      };
    } finally {
      await server.stop();
      server.cleanup();
    }

    // The direct phases: same node, each its own index with the ui-metric mappings of the server's index.
    const direct = async (name, index, store) => {
      await nodeRequest(`${node.url}/${index}`, 'PUT', {
        settings: { number_of_shards: 1, number_of_replicas: 0 },
        mappings: { dynamic: false, properties: { type: { type: 'keyword' }, updated_at: { type: 'date' }, 'ui-metric': { properties: { count: { type: 'long' } } } } },
      });
      log(`  ${name}: ${warmupS}s warm-up, ${durationS}s measured...`);
      const raw = await runDirect({ store, bodies, sums, ...load, javaPid: node.pid, cpuTimeMs });
      const stored = await storedInIndex(node.url, index);
      const { acknowledgedSum, ...rest } = raw;
      return {
        ...rest,
        incrementsPerSecond: perSecond(raw),
        // A report that failed half-way may have applied some of its updates (stored > acknowledged then).
        verification: { acknowledgedSum, storedSum: stored.sum, storedCounters: stored.docs, exact: stored.sum === acknowledgedSum },
      };
    };
    // As the backend holds one: concurrent calls take their own lanes (exactly-once marks, counter_writer.ts).
    const backendWriter = new CounterWriter();
    // The backend's incrementCounters (one mget + one `_bulk`, refresh wait_for), one call per report, no group commit.
    const backend = await direct('backend incrementCounters directly (one _bulk per report)', BACKEND_INDEX, (ops) =>
      applyCounterBatch({ client, index: BACKEND_INDEX, refresh: 'wait_for', ops, writer: backendWriter })
    );
    // Informative: the same with refresh false, to show what waiting for a refresh per write costs.
    const backendNoRefresh = await direct('backend incrementCounters, refresh false (informative)', BACKEND_NO_REFRESH_INDEX, (ops) =>
      applyCounterBatch({ client, index: BACKEND_NO_REFRESH_INDEX, refresh: false, ops, writer: backendWriter })
    );
    // upstream: one scripted update per metric (the same script without a mark: upstream has no retry guard).
    const upstream = await direct('upstream strategy (one scripted update per metric)', UPSTREAM_INDEX, (ops) =>
      Promise.all(ops.map((op) => client.update({ index: UPSTREAM_INDEX, id: op.id, refresh: 'wait_for', retry_on_conflict: 10, body: counterUpdateBody(op) })))
    );

    const ratio = round(ours.incrementsPerSecond / Math.max(upstream.incrementsPerSecond, 1e-9));
    const backendRatio = round(backend.incrementsPerSecond / Math.max(upstream.incrementsPerSecond, 1e-9));
    return {
      parameters: { ...AUTH_PARAMETERS, concurrency, metricsPerReport, counters: Number(counters), reportBytes: bodies[0].length, bodies: bodies.length, warmupS, durationS, opensearch: '2.19.6 (test/opensearch, single node, 512 MB heap)' },
      results: { ours, backend, backendNoRefresh, upstream },
      ratios: { oursToUpstream: ratio, backendToUpstream: backendRatio, backendNoRefreshToUpstream: round(backendNoRefresh.incrementsPerSecond / Math.max(upstream.incrementsPerSecond, 1e-9)) },
      targets: {
        'ratioToUpstream (server /api/ui_metric/report)': { target: 10, actual: ratio, met: ratio >= 10 },
        'ratioToUpstream (backend incrementCounters)': { target: 10, actual: backendRatio, met: backendRatio >= 10 },
        noAcknowledgedCountLost: { met: ours.verification.exact && backend.verification.exact },
      },
      summary: [
        `ours: ${ours.incrementsPerSecond.toFixed(0)} acknowledged increments/s (${ours.requests} reports, p50 ${ours.latencyMs.p50} ms, p99 ${ours.latencyMs.p99} ms, ${ours.failed} failed)`,
        `backend incrementCounters: ${backend.incrementsPerSecond.toFixed(0)} acknowledged increments/s (${backend.requests} reports, p50 ${backend.latencyMs.p50} ms, p99 ${backend.latencyMs.p99} ms, ${backend.failed} failed)`,
        `backend incrementCounters, refresh false (informative): ${backendNoRefresh.incrementsPerSecond.toFixed(0)} acknowledged increments/s (p50 ${backendNoRefresh.latencyMs.p50} ms, ${backendNoRefresh.failed} failed, read-back ${backendNoRefresh.verification.exact ? 'exact' : 'MISMATCH'})`,
        `upstream: ${upstream.incrementsPerSecond.toFixed(0)} acknowledged increments/s (${upstream.requests} reports, p50 ${upstream.latencyMs.p50} ms, p99 ${upstream.latencyMs.p99} ms, ${upstream.failed} failed)`,
        `ratio ours (server) / upstream: ${ratio} x; backend incrementCounters / upstream: ${backendRatio} x (target >= 10)`,
        `read-back from the node: ours ${ours.verification.exact ? 'exact' : 'MISMATCH'} (${ours.verification.storedSum} stored / ${ours.verification.acknowledgedSum} acknowledged), backend ${backend.verification.exact ? 'exact' : 'MISMATCH'}, upstream ${upstream.verification.exact ? 'exact' : 'MISMATCH'} (${upstream.verification.storedSum} / ${upstream.verification.acknowledgedSum})`,
      ],
    };
  } finally {
    await client.close();
    await node.stop();
  }
}

module.exports = {
  name: 'ui_metric_ingest_opensearch',
  description: 'ui-metric ingest into a real OpenSearch node: ours (one _bulk per group commit) vs upstream (one scripted update per metric)',
  run,
};

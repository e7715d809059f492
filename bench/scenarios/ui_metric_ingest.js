'use strict';
/*
 * ui_metric_ingest: 32 concurrent clients posting browser reports of 100 ui metrics each.
 *
 * Four targets, measured in the same run with the same bodies and the same load generator:
 *   ceiling  - a bare node:http server that only reads and parses the bodies;
 *   platform - the real server, a route that answers once the platform parsed the body (no validation,
 *              no storage): what any route of this host costs; it separates the host's HTTP overhead
 *              from the ingest path's own cost;
 *   ours     - the real server: parsing and validation on the report thread, group commit through the
 *              SQLite store's counter thread, answer once durable (synchronous=FULL);
 *   upstream - the real server, storing through upstream's strategy: one incrementCounter per metric.
 * The platform and upstream routes are served by test/plugins/usage_test_plugin. The first three run in
 * interleaved rounds (see `run`); upstream, two orders of magnitude slower, runs once.
 * A report's increments count once the server acknowledged it with 200. At the end the stored totals are
 * read back and compared with the acknowledged ones (warm-ups included).
 * Security is on: each server is logged into once, and every load request carries that session cookie
 * (the browser app's way); the read-back uses the harness's Basic credentials.
 * The load generator (bench/lib/load.js) runs in this process on the same two cores; it writes pre-built
 * requests on raw sockets so that it takes as little of them as it can, and its CPU per request is recorded
 * beside each server's.
 */
const { spawn } = require('child_process');
const { join } = require('path');
const { runLoad, round } = require('../lib/load');
const { AUTH_PARAMETERS, SECURITY_ARGS, loginSession } = require('../lib/session');
const { REPO_ROOT, api, startOsdServer } = require('../../test/harness/osd_server');

const USAGE_TEST_PLUGIN = join(REPO_ROOT, 'test', 'plugins', 'usage_test_plugin');

/** A small deterministic PRNG, so every run posts the same bodies. */
function prng(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Report bodies of `metricsPerReport` distinct metrics drawn from `apps` x `eventsPerApp` counters. */
function makeBodies({ count, metricsPerReport, apps, eventsPerApp, seed = 42 }) {
  const random = prng(seed);
  const bodies = [];
  const sums = [];
  for (let b = 0; b < count; b++) {
    const chosen = new Set();
    while (chosen.size < metricsPerReport) chosen.add(Math.floor(random() * apps * eventsPerApp));
    const uiStatsMetrics = {};
    let total = 0;
    for (const n of chosen) {
      const appName = `app_${Math.floor(n / eventsPerApp)}`;
      const eventName = `event_${n % eventsPerApp}`;
      const sum = 1 + Math.floor(random() * 5);
      total += sum;
      const key = `${appName}-click-${eventName}`;
      uiStatsMetrics[key] = { key, type: 'click', appName, eventName, stats: { min: 0, max: sum, sum, avg: sum / 2 } };
    }
    bodies.push(Buffer.from(JSON.stringify({ report: { reportVersion: 1, uiStatsMetrics } })));
    sums.push(total);
  }
  return { bodies, sums };
}

function startCeiling() {
  const child = spawn(process.execPath, [join(__dirname, '..', 'lib', 'ceiling_server.js')], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.stdout.once('data', (d) => resolve({ port: Number(String(d).trim()), pid: child.pid, stop: () => new Promise((r) => (child.on('exit', r), child.kill('SIGTERM'))) }));
  });
}

async function storedTotal(url) {
  const { status, body } = await api(`${url}/api/stats?extended&legacy`);
  if (status !== 200) throw new Error(`/api/stats answered ${status}`);
  const uiMetric = body.usage.ui_metric || {};
  // The budget's note is not a counter; a bench store of 500 counters is far under the budget anyway.
  if (uiMetric['ui_metric:omitted']) throw new Error(`the report left counters out: ${JSON.stringify(uiMetric['ui_metric:omitted'])}`);
  let total = 0;
  for (const entries of Object.values(uiMetric)) for (const { value } of entries) total += value;
  return total;
}

/**
 * Server flags of every ingest phase: security on (explicitly, whatever the default). The load comes from one address, far past the per-client report rate
 * a browser needs (`usageCollection.uiMetric.maxReportsPerMinute`, 120 by default): lift it to its maximum.
 */
const INGEST_ARGS = [...SECURITY_ARGS, '--logging.root.level=warn', '--usageCollection.maximumWaitTimeForAllCollectorsInS=0', '--usageCollection.uiMetric.maxReportsPerMinute=10000000'];

async function startServer({ pluginPaths = [] } = {}) {
  const server = await startOsdServer({ args: INGEST_ARGS, pluginPaths });
  const stop = async () => (await server.stop(), server.cleanup());
  try {
    const cookie = await loginSession(server.url);
    return { port: server.port, pid: server.process.pid, url: server.url, headers: { 'osd-xsrf': 'bench', cookie }, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Runs the load against one server phase; returns the measurement and (when `verify`) the read-back check. */
async function measureServer({ name, pluginPaths, path, bodies, sums, load, log }) {
  const server = await startServer({ pluginPaths });
  try {
    let acknowledgedSum = 0;
    log(`  ${name}: ${load.warmupMs / 1000}s warm-up, ${load.durationMs / 1000}s measured...`);
    const result = await runLoad({
      port: server.port,
      serverPid: server.pid,
      path,
      headers: server.headers,
      bodies,
      ...load,
      onResponse: (i, status) => {
        if (status === 200) acknowledgedSum += sums[i];
      },
    });
    const stored = await storedTotal(server.url);
    return { ...result, verification: { acknowledgedSum, storedSum: stored, exact: stored === acknowledgedSum } };
  } finally {
    await server.stop();
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * The ceiling, the platform floor and ours run side by side (all started, one loaded at a time) in
 * `rounds` rounds of ceiling, platform, ours/100, ours/500. A shared machine's speed drifts by tens of
 * percent within a minute; a ratio of two phases measured a minute apart measures that drift. Each
 * round's ratio compares phases measured seconds apart, and the median over rounds is reported.
 *
 * `counters` is how many distinct counters the reports draw their 100 metrics from. 100 is the scenario
 * as written (every report counts the same 100 counters); with 500, each report counts 100 of them, so
 * a commit touches about five times as many saved objects. The targets are evaluated on the first; the
 * second shows how the cost grows with the number of distinct counters per commit.
 */
async function run({ durationS = 5, warmupS = 1, rounds = 5, concurrency = 32, metricsPerReport = 100, counters = [100, 500], log = console.log } = {}) {
  const vocabularies = (Array.isArray(counters) ? counters : [counters]).map(Number);
  const eventsPerApp = 25;
  const sets = vocabularies.map((n) => ({ counters: n, ...makeBodies({ count: 512, metricsPerReport, apps: Math.ceil(n / eventsPerApp), eventsPerApp }) }));
  const [main] = sets;
  const load = { concurrency, warmupMs: warmupS * 1000, durationMs: durationS * 1000 };
  const perSecond = (r) => round(r.requestsPerSecond * metricsPerReport);

  log('  starting the ceiling, the platform floor and ours...');
  const phases = [
    { name: 'ceiling', server: await startCeiling(), path: '/api/ui_metric/report', ...main },
    { name: 'platform', server: await startServer({ pluginPaths: [USAGE_TEST_PLUGIN] }), path: '/api/usage_test/parse_only', ...main },
    ...(await Promise.all(sets.map(async (set) => ({ name: `ours${set.counters}`, counters: set.counters, server: await startServer(), path: '/api/ui_metric/report', ...set, verify: true })))),
  ];
  for (const phase of phases) {
    phase.rounds = [];
    phase.acknowledgedSum = 0;
  }
  try {
    for (let r = 1; r <= rounds; r++) {
      log(`  round ${r}/${rounds}: ${phases.map((p) => p.name).join(', ')} (${warmupS}s warm-up + ${durationS}s each)...`);
      for (const phase of phases) {
        const result = await runLoad({
          port: phase.server.port,
          serverPid: phase.server.pid,
          path: phase.path,
          // The ceiling has no sessions: it gets the requests it always got (no cookie to parse).
          headers: phase.server.headers ?? { 'osd-xsrf': 'bench' },
          bodies: phase.bodies,
          ...load,
          onResponse: (i, status) => {
            if (status === 200) phase.acknowledgedSum += phase.sums[i];
          },
        });
        phase.rounds.push({ ...result, incrementsPerSecond: perSecond(result) });
      }
    }
    for (const phase of phases.filter((p) => p.verify)) {
      const storedSum = await storedTotal(phase.server.url);
      phase.verification = { acknowledgedSum: phase.acknowledgedSum, storedSum, exact: storedSum === phase.acknowledgedSum };
    }
  } finally {
    for (const phase of phases) await phase.server.stop();
  }

  const upstream = await measureServer({
    name: 'upstream strategy (one incrementCounter per metric)',
    pluginPaths: [USAGE_TEST_PLUGIN],
    path: '/api/usage_test/ui_metric/upstream_report',
    ...main,
    load: { concurrency, warmupMs: 2000, durationMs: 10_000 },
    log,
  });
  const upstreamPerSecond = perSecond(upstream);

  const summaryOf = (phase) => ({
    incrementsPerSecond: median(phase.rounds.map((r) => r.incrementsPerSecond)),
    serverCpuMicrosPerRequest: median(phase.rounds.map((r) => r.serverCpuMicrosPerRequest)),
    driverCpuMicrosPerRequest: median(phase.rounds.map((r) => r.driverCpuMicrosPerRequest)),
    latencyMsP50: median(phase.rounds.map((r) => r.latencyMs.p50)),
    failed: phase.rounds.reduce((sum, r) => sum + r.failed, 0),
    rounds: phase.rounds,
    ...(phase.verification && { verification: phase.verification }),
  });
  const [ceiling, platform, ...ours] = phases;
  /** The median over rounds of `phase` / `baseline`, each round's pair measured seconds apart. */
  const roundRatio = (phase, baseline) => round(median(phase.rounds.map((r, i) => r.incrementsPerSecond / baseline.rounds[i].incrementsPerSecond)));
  const ratiosOf = (phase) => ({
    toCeiling: roundRatio(phase, ceiling),
    toPlatform: roundRatio(phase, platform),
    toUpstream: round(summaryOf(phase).incrementsPerSecond / Math.max(upstreamPerSecond, 1e-9)),
    toCeilingPerRound: phase.rounds.map((r, i) => round(r.incrementsPerSecond / ceiling.rounds[i].incrementsPerSecond)),
  });
  const targetsOf = (phase) => {
    const ratios = ratiosOf(phase);
    const perSecondMedian = summaryOf(phase).incrementsPerSecond;
    return {
      durableIncrementsPerSecond: { target: 50000, actual: perSecondMedian, met: perSecondMedian >= 50000 },
      ratioToCeiling: { target: 0.5, actual: ratios.toCeiling, perRound: ratios.toCeilingPerRound, met: ratios.toCeiling >= 0.5 },
      ratioToUpstream: { target: 20, actual: ratios.toUpstream, met: ratios.toUpstream >= 20 },
      noAcknowledgedCountLost: { met: phase.verification.exact && upstream.verification.exact },
    };
  };
  const cpu = (phase) => `${summaryOf(phase).serverCpuMicrosPerRequest} us`;
  const rate = (phase) => summaryOf(phase).incrementsPerSecond.toFixed(0);
  return {
    parameters: { ...AUTH_PARAMETERS, driver: 'bench/lib/raw_http.js (pre-built requests on raw keep-alive sockets)', concurrency, metricsPerReport, reportBytes: main.bodies[0].length, counters: vocabularies, bodies: main.bodies.length, rounds, warmupS, durationS },
    results: {
      ceiling: summaryOf(ceiling),
      platform: summaryOf(platform),
      ours: ours.map((phase) => ({ counters: phase.counters, ...summaryOf(phase) })),
      upstream: { ...upstream, incrementsPerSecond: upstreamPerSecond },
    },
    ratios: { platformToCeiling: roundRatio(platform, ceiling), ...Object.fromEntries(ours.map((phase) => [phase.name, ratiosOf(phase)])) },
    targets: Object.fromEntries(
      ours.flatMap((phase, i) => Object.entries(targetsOf(phase)).map(([name, t]) => [i === 0 ? name : `${name} (${phase.counters} counters, informative)`, t]))
    ),
    summary: [
      `medians of ${rounds} interleaved rounds: ceiling ${rate(ceiling)} increments/s; platform floor ${rate(platform)}/s (${roundRatio(platform, ceiling)} of the ceiling); upstream ${upstreamPerSecond.toFixed(0)}/s`,
      ...ours.map((phase) => {
        const ratios = ratiosOf(phase);
        return `ours, ${phase.counters} counters: ${rate(phase)} acknowledged durable increments/s = ${ratios.toCeiling} of the ceiling (target >= 0.5; rounds ${ratios.toCeilingPerRound.join(', ')}), ${ratios.toPlatform} of the platform floor, ${ratios.toUpstream} x upstream (target >= 20)`;
      }),
      `server CPU per request (all threads): ceiling ${cpu(ceiling)}, platform ${cpu(platform)}, ${ours.map((phase) => `${phase.name} ${cpu(phase)}`).join(', ')}, upstream ${upstream.serverCpuMicrosPerRequest} us`,
      `load generator CPU per request (same cores): ${phases.map((phase) => `${phase.name} ${summaryOf(phase).driverCpuMicrosPerRequest} us`).join(', ')}`,
      `read-back: ${ours.map((phase) => `${phase.name} ${phase.verification.exact ? 'exact' : 'MISMATCH'}`).join(', ')}, upstream ${upstream.verification.exact ? 'exact' : 'MISMATCH'}`,
    ],
  };
}

module.exports = {
  INGEST_ARGS,
  name: 'ui_metric_ingest',
  description: '32 concurrent clients posting ui-metric reports of 100 metrics: ours vs a parse-only ceiling vs upstream per-metric writes',
  run,
  makeBodies,
};

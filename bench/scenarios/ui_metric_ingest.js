'use strict';
/*
 * ui_metric_ingest: 32 concurrent clients posting browser reports of 100 ui metrics each.
 *
 * Four targets, measured in the same run with the same bodies and the same load generator:
 *   ceiling  - a bare node:http server that only reads and parses the bodies;
 *   platform - the real server, a route that answers once the platform parsed the body (no validation,
 *              no storage): what any route of this host costs; it separates the host's HTTP overhead
 *              from the ingest path's own cost;
 *   ours     - the real server: validation, group commit, answer once durable (SQLite, synchronous=FULL);
 *   upstream - the real server, storing through upstream's strategy: one incrementCounter per metric.
 * The platform and upstream routes are served by test/plugins/usage_test_plugin.
 * A report's increments count once the server acknowledged it with 200. After each server phase the stored
 * totals are read back and compared with the acknowledged ones.
 */
const { spawn } = require('child_process');
const { join } = require('path');
const { runLoad, round } = require('../lib/load');
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
  let total = 0;
  for (const entries of Object.values(body.usage.ui_metric || {})) for (const { value } of entries) total += value;
  return total;
}

/** Runs the load against one server phase; returns the measurement and (when `verify`) the read-back check. */
async function measureServer({ name, args, pluginPaths, path, bodies, sums, load, log, verify = true }) {
  const server = await startOsdServer({ args: ['--logging.root.level=warn', '--usageCollection.maximumWaitTimeForAllCollectorsInS=0', ...args], pluginPaths });
  try {
    let acknowledgedSum = 0;
    log(`  ${name}: ${load.warmupMs / 1000}s warm-up, ${load.durationMs / 1000}s measured...`);
    const result = await runLoad({
      port: server.port,
      serverPid: server.process.pid,
      path,
      headers: { 'osd-xsrf': 'bench' },
      bodies,
      ...load,
      onResponse: (i, status) => {
        if (status === 200) acknowledgedSum += sums[i];
      },
    });
    if (!verify) return result;
    const stored = await storedTotal(server.url);
    return { ...result, verification: { acknowledgedSum, storedSum: stored, exact: stored === acknowledgedSum } };
  } finally {
    await server.stop();
    server.cleanup();
  }
}

/**
 * `counters` is how many distinct counters the reports draw their 100 metrics from. 100 is the scenario as
 * written (every report counts the same 100 counters); with 500, each report counts 100 of them, so a
 * commit touches about five times as many saved objects. The targets are evaluated on the first; the
 * second shows how the cost grows with the number of distinct counters per commit.
 */
async function run({ durationS = 10, warmupS = 2, concurrency = 32, metricsPerReport = 100, counters = [100, 500], log = console.log } = {}) {
  const vocabularies = (Array.isArray(counters) ? counters : [counters]).map(Number);
  const eventsPerApp = 25;
  const sets = vocabularies.map((n) => ({ counters: n, ...makeBodies({ count: 512, metricsPerReport, apps: Math.ceil(n / eventsPerApp), eventsPerApp }) }));
  const [main] = sets;
  const load = { concurrency, warmupMs: warmupS * 1000, durationMs: durationS * 1000 };
  const perSecond = (r) => round(r.requestsPerSecond * metricsPerReport);

  log(`  ceiling: bare node:http server, parse only...`);
  const ceilingServer = await startCeiling();
  let ceiling;
  try {
    ceiling = await runLoad({ port: ceilingServer.port, serverPid: ceilingServer.pid, path: '/api/ui_metric/report', bodies: main.bodies, ...load });
  } finally {
    await ceilingServer.stop();
  }
  const platform = await measureServer({
    name: 'platform floor (parse-only route on the real server)',
    args: [],
    pluginPaths: [USAGE_TEST_PLUGIN],
    path: '/api/usage_test/parse_only',
    ...main,
    load,
    log,
    verify: false,
  });
  const ours = [];
  for (const set of sets) {
    const result = await measureServer({ name: `ours (group commit), ${set.counters} counters`, args: [], path: '/api/ui_metric/report', ...set, load, log });
    ours.push({ counters: set.counters, ...result, incrementsPerSecond: perSecond(result) });
  }
  const upstream = await measureServer({
    name: 'upstream strategy (one incrementCounter per metric)',
    args: [],
    pluginPaths: [USAGE_TEST_PLUGIN],
    path: '/api/usage_test/ui_metric/upstream_report',
    ...main,
    load,
    log,
  });

  const ratiosOf = (r) => ({
    toCeiling: round(r.incrementsPerSecond / perSecond(ceiling)),
    toUpstream: round(r.incrementsPerSecond / Math.max(perSecond(upstream), 1e-9)),
    toPlatform: round(r.incrementsPerSecond / perSecond(platform)),
  });
  const targetsOf = (r) => {
    const ratios = ratiosOf(r);
    return {
      durableIncrementsPerSecond: { target: 50000, actual: r.incrementsPerSecond, met: r.incrementsPerSecond >= 50000 },
      ratioToCeiling: { target: 0.5, actual: ratios.toCeiling, met: ratios.toCeiling >= 0.5 },
      ratioToUpstream: { target: 20, actual: ratios.toUpstream, met: ratios.toUpstream >= 20 },
      noAcknowledgedCountLost: { met: r.verification.exact && upstream.verification.exact },
    };
  };
  const cpu = (r) => `${r.serverCpuMicrosPerRequest} us`;
  return {
    parameters: { concurrency, metricsPerReport, reportBytes: main.bodies[0].length, counters: vocabularies, bodies: main.bodies.length, warmupS, durationS },
    results: {
      ceiling: { ...ceiling, incrementsPerSecond: perSecond(ceiling) },
      platform: { ...platform, incrementsPerSecond: perSecond(platform) },
      ours,
      upstream: { ...upstream, incrementsPerSecond: perSecond(upstream) },
    },
    ratios: { platformToCeiling: round(perSecond(platform) / perSecond(ceiling)), ...Object.fromEntries(ours.map((r) => [`ours${r.counters}`, ratiosOf(r)])) },
    targets: Object.fromEntries(
      ours.flatMap((r, i) => Object.entries(targetsOf(r)).map(([name, t]) => [i === 0 ? name : `${name} (${r.counters} counters, informative)`, t]))
    ),
    summary: [
      `ceiling ${perSecond(ceiling).toFixed(0)} increments/s; platform floor ${perSecond(platform).toFixed(0)}/s (${round(perSecond(platform) / perSecond(ceiling))} of the ceiling); upstream ${perSecond(upstream).toFixed(0)}/s`,
      ...ours.map((r) => {
        const ratios = ratiosOf(r);
        return `ours, ${r.counters} counters: ${r.incrementsPerSecond.toFixed(0)} acknowledged durable increments/s = ${ratios.toCeiling} of the ceiling (target >= 0.5), ${ratios.toPlatform} of the platform floor, ${ratios.toUpstream} x upstream (target >= 20)`;
      }),
      `server CPU per request: ceiling ${cpu(ceiling)}, platform ${cpu(platform)}, ${ours.map((r) => `ours/${r.counters} ${cpu(r)}`).join(', ')}, upstream ${cpu(upstream)}`,
      `read-back: ${ours.map((r) => `ours/${r.counters} ${r.verification.exact ? 'exact' : 'MISMATCH'}`).join(', ')}, upstream ${upstream.verification.exact ? 'exact' : 'MISMATCH'}`,
    ],
  };
}

module.exports = {
  name: 'ui_metric_ingest',
  description: '32 concurrent clients posting ui-metric reports of 100 metrics: ours vs a parse-only ceiling vs upstream per-metric writes',
  run,
  makeBodies,
};

'use strict';
/*
 * stats_fanout: 500 registered collectors that each take 20 ms (test/plugins/usage_test_plugin).
 *   1. GET /api/stats?extended=true, repeated: the median must stay under 3 x 20 ms (a serial fetch would
 *      take 500 x 20 ms = 10 s).
 *   2. The same plus one collector that never answers, with collectorFetchTimeoutInS: 1: each answer must
 *      come in under 1.2 s with all 500 healthy results and the hung one reported as timed out.
 */
const { join } = require('path');
const { percentile, round } = require('../lib/load');
const { AUTH_PARAMETERS, SECURITY_ARGS, loginSession } = require('../lib/session');
const { REPO_ROOT, api, startOsdServer } = require('../../test/harness/osd_server');

const USAGE_TEST_PLUGIN = join(REPO_ROOT, 'test', 'plugins', 'usage_test_plugin');

async function timedCalls({ url, headers }, calls) {
  const samples = [];
  let last;
  for (let i = 0; i < calls; i++) {
    const started = process.hrtime.bigint();
    last = await api(`${url}/api/stats?extended=true`, 'GET', undefined, headers);
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (last.status !== 200) throw new Error(`/api/stats answered ${last.status}: ${last.text.slice(0, 300)}`);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return { samples: samples.map(round), median: round(percentile(sorted, 50)), max: round(sorted[sorted.length - 1]), body: last.body };
}

function checkBody(body, collectors) {
  const usage = body.usage;
  const missing = [];
  for (let i = 0; i < collectors; i++) if (!usage[`fanout_${i}`] || usage[`fanout_${i}`].value !== i) missing.push(i);
  const stats = usage.usage_collector_stats;
  return { healthyResults: collectors - missing.length, missing: missing.length, timedOut: stats.timed_out.names, succeeded: stats.succeeded.count };
}

async function withServer(options, fn) {
  const server = await startOsdServer(options);
  try {
    // Security is on: one login, then every call carries its session cookie.
    return await fn({ url: server.url, headers: { cookie: await loginSession(server.url) } });
  } finally {
    await server.stop();
    server.cleanup();
  }
}

async function run({ collectors = 500, delayMs = 20, calls = 30, hungCalls = 5, warmupCalls = 3, log = console.log } = {}) {
  const common = [...SECURITY_ARGS, '--logging.root.level=warn', '--usageCollection.maximumWaitTimeForAllCollectorsInS=0', `--usage_test.fanout.count=${collectors}`, `--usage_test.fanout.delayMs=${delayMs}`];

  log(`  ${collectors} collectors x ${delayMs} ms: ${calls} calls...`);
  const healthy = await withServer({ pluginPaths: [USAGE_TEST_PLUGIN], args: common }, async (server) => {
    await timedCalls(server, warmupCalls);
    const timing = await timedCalls(server, calls);
    return { ...timing, check: checkBody(timing.body, collectors) };
  });

  log(`  plus one collector that never answers, collectorFetchTimeoutInS: 1: ${hungCalls} calls...`);
  const hung = await withServer(
    { pluginPaths: [USAGE_TEST_PLUGIN], args: [...common, '--usage_test.hanging=true', '--usageCollection.collectorFetchTimeoutInS=1'] },
    async (server) => {
      const timing = await timedCalls(server, hungCalls);
      return { ...timing, check: checkBody(timing.body, collectors) };
    }
  );

  const limitMs = 3 * delayMs;
  const targets = {
    medianUnder3xDelay: { targetMs: limitMs, actualMs: healthy.median, met: healthy.median < limitMs && healthy.check.missing === 0 },
    hungCollectorUnder1200ms: {
      targetMs: 1200,
      actualMaxMs: hung.max,
      met: hung.max < 1200 && hung.check.missing === 0 && hung.check.timedOut.includes('test_hangs'),
    },
  };
  const strip = ({ body, ...rest }) => rest;
  return {
    parameters: { ...AUTH_PARAMETERS, collectors, delayMs, calls, hungCalls, serialFetchWouldTakeMs: collectors * delayMs },
    results: { healthy: strip(healthy), hung: strip(hung) },
    ratios: { medianToDelay: round(healthy.median / delayMs), serialToMedian: round((collectors * delayMs) / healthy.median) },
    targets,
    summary: [
      `median ${healthy.median} ms for ${collectors} collectors of ${delayMs} ms = ${round(healthy.median / delayMs)} x the delay (target < 3); a serial fetch: ${collectors * delayMs} ms`,
      `with a hung collector: max ${hung.max} ms (target < 1200), ${hung.check.healthyResults}/${collectors} healthy results, timed out: ${hung.check.timedOut.join(', ')}`,
    ],
  };
}

module.exports = {
  name: 'stats_fanout',
  description: '500 collectors of 20 ms each behind /api/stats?extended=true, then one more that never answers',
  run,
};

'use strict';
/*
 * receiver_ingest: the reference telemetry receiver (packages/osd-telemetry-receiver) on a real OpenSearch
 * node (test/opensearch), against a bare `_bulk` of the same documents into the same node, in one run.
 *
 *   receiver - `npm run receiver` as a child process (`scripts/receiver.js --opensearch URL --key FILE`,
 *              the key made by `--generate-key`), `--concurrency` closed-loop clients posting
 *              `POST /v2/reports` with the sender's headers. Every body is a distinct report (its own
 *              cluster uuid and timestamp, so nothing is deduplicated), encrypted ahead of time to the
 *              receiver's public key by the sender's own encryptor (telemetry_collection_manager
 *              `createReportEncryptor`: RSA-OAEP-256 + A256GCM compact JWE), so client CPU stays small.
 *              Counted: answers 200 with outcome `stored`. Afterwards the stored reports are counted on
 *              the node and compared with the acknowledged ones, and one stored document is compared
 *              with the one the bare phase builds for the same report.
 *   bare     - the same concurrency storing straight into the node with `_bulk`: exactly the operations
 *              the receiver's store sends for one report (`reportOperations`: the report document
 *              `create`d in its daily index, the deployment and opt-in upserts), for other distinct reports
 *              of the same shape, into indices of another prefix set up by the store itself (same template
 *              and mappings), batched by the receiver store's own group commit (store/opensearch/group_commit.ts:
 *              one `_bulk` in flight, the reports that arrive meanwhile share the next one; the receiver's
 *              store also waits up to 5 ms for reports it is still decrypting, of which the bare side has
 *              none, so the same policy sends as soon as the previous request is answered). No decryption,
 *              validation or HTTP server in between: the ratio is what the receiver's own work costs.
 *   summary  - first of all: 20,000 reports (2,000 deployments reporting daily for 10 days) written by
 *              `_bulk` with the receiver's document shape (`reportOperations`) under a third prefix, then a
 *              receiver on that prefix answers `GET /api/fleet/summary` (`--calls` times after 3 warm-up
 *              calls; each call refreshes and aggregates on the node). Target: under 500 ms (p99). The
 *              seeding also warms the node's JVM, so neither ingest side pays for a cold one.
 * The two ingest sides run in `--rounds` rounds (default 2) of `--warmup` s (default 2) + `--duration` s
 * (default 8) each, alternating which goes first; each round takes fresh reports. Before the first round
 * each side runs `--prewarm` s (default 6) unmeasured, so that neither pays for the node's JIT of its
 * own request paths inside a measured round, then waits until the daily indices it created have gone
 * search-idle (30 s without a search: no more refresh every second), as they are in round 2. Before each side the
 * node is let settle (its CPU under a tenth of a core, at most 15 s): the seeding's and the previous
 * side's merges are billed to neither. Per side: CPU per report of each process, and the node's shard-level
 * `write` tasks per report (how large the bulks were: fewer tasks per report, larger bulks). The ratio is the median
 * of the per-round ratios (this machine's speed drifts within a minute).
 * Target of ingest: receiver / bare >= 0.5 (acknowledged reports per second).
 * The receiver has no dashboards security (it is its own service): ingest is open by design, the read
 * side answers loopback clients, which the bench is.
 */
const { mkdtempSync, readFileSync, rmSync } = require('fs');
const http = require('http');
const os = require('os');
const { join } = require('path');
const { isDeepStrictEqual } = require('util');
const { runClosedLoop, postBody } = require('../lib/closed_loop');
const { cpuTimeMs, percentile, round } = require('../lib/load');

const RECEIVER_PREFIX = 'telemetry-bench-receiver';
const BARE_PREFIX = 'telemetry-bench-bare';
const SUMMARY_PREFIX = 'telemetry-bench-summary';
const DAY_MS = 24 * 60 * 60 * 1000;
/** OpenSearch's default `index.search.idle.after`. */
const SEARCH_IDLE_MS = 30 * 1000;
const VERSIONS = ['2.17.1', '2.18.0', '2.19.0', '2.19.1'];

function modules() {
  require('../../scripts/register_ts');
  const receiverSrc = '../../packages/osd-telemetry-receiver/src';
  return {
    ...require(`${receiverSrc}/__test_utils__/sample_report`),
    ...require(`${receiverSrc}/integration_tests/receiver_process`),
    ...require(`${receiverSrc}/store/opensearch/opensearch_store`),
    ...require(`${receiverSrc}/store/opensearch/group_commit`),
    ...require(`${receiverSrc}/validation/report_schema`),
    ...require(`${receiverSrc}/validation/validate_report`),
    ...require(`${receiverSrc}/ingest/intake`),
    ...require(`${receiverSrc}/keys/constants`),
    ...require('../../src/plugins/telemetry_collection_manager/server/encryption/encrypt'),
    ...require('../../test/opensearch/opensearch_node'),
  };
}

/** A report as the sender builds it (the receiver tests' sample), with `apps` applications of usage. */
function buildReport(m, { clusterUuid, timestamp, version, apps, seed }) {
  const report = m.sampleReport({ clusterUuid, timestamp, version });
  const plugins = report.stack_stats.opensearch_dashboards.plugins;
  for (let a = 0; a < apps; a++) {
    plugins.ui_metric[`app_${a}`] = Array.from({ length: 8 }, (_, e) => ({ key: `event_${e}`, value: 1 + ((seed * 31 + a * 17 + e * 7) % 500) }));
    plugins.application_usage[`app_${a}`] = {
      clicks_total: 10 + ((seed + a) % 900),
      clicks_7_days: (seed + a) % 70,
      clicks_30_days: (seed + a) % 300,
      minutes_on_screen_total: ((seed * 7 + a) % 1000) / 4,
    };
  }
  return report;
}

/** What the receiver's intake makes of a valid report (ingest/intake.ts), for the bare phase's documents. */
function acceptedOf(m, report, plaintext, receivedAt, schemas) {
  const optIn = report.stack_stats.opensearch_dashboards.plugins.telemetry.opt_in_status;
  return {
    clusterUuid: report.cluster_uuid,
    timestamp: new Date(report.timestamp).toISOString(),
    version: report.version,
    encrypted: true,
    source: 'http',
    receivedAt,
    payload: plaintext,
    collectors: m.collectorPaths(report, schemas.collectorSchemas, schemas.reportSchema),
    optedIn: typeof optIn === 'boolean' ? optIn : true,
  };
}

const parsed = (text) => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

const ndjson = (operations) => operations.flat().map((line) => JSON.stringify(line)).join('\n') + '\n';

async function nodeJson(url, method = 'GET', body) {
  const res = await fetch(url, { method, headers: body ? { 'content-type': 'application/x-ndjson' } : {}, body });
  const json = await res.json().catch(() => undefined);
  if (res.status >= 300) throw new Error(`${method} ${url} answered ${res.status}: ${JSON.stringify(json).slice(0, 300)}`);
  return json;
}

const countIn = async (nodeUrl, pattern) => {
  await nodeJson(`${nodeUrl}/${pattern}/_refresh`, 'POST');
  return (await nodeJson(`${nodeUrl}/${pattern}/_count`)).count;
};

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { count: samples.length, p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), max: round(sorted[sorted.length - 1] || 0) };
}

/** Shard-level tasks the node's `write` thread pool has completed (one per index a `_bulk` touches). */
const writeTasks = async (nodeUrl) => {
  const stats = await nodeJson(`${nodeUrl}/_nodes/_local/stats/thread_pool`);
  return Object.values(stats.nodes)[0].thread_pool.write.completed;
};

/** Milliseconds the node's JVM has spent collecting garbage (all collectors). */
const gcMillis = async (nodeUrl) => {
  const stats = await nodeJson(`${nodeUrl}/_nodes/_local/stats/jvm`);
  return Object.values(Object.values(stats.nodes)[0].jvm.gc.collectors).reduce((n, c) => n + c.collection_time_in_millis, 0);
};

/**
 * Waits until the node's process uses under a tenth of a core over half a second (background merges and
 * flushes of the previous phase done), at most `maxMs`; resolves how long it waited.
 */
async function settleNode(pid, maxMs = 15000) {
  const started = Date.now();
  let before = cpuTimeMs(pid);
  while (Date.now() - started < maxMs) {
    await new Promise((r) => setTimeout(r, 500));
    const now = cpuTimeMs(pid);
    if (before === undefined || now === undefined || now - before < 50) break;
    before = now;
  }
  return Date.now() - started;
}

/** Sets up a prefix's template and indices the way the receiver does (opening the store), then closes it. */
async function prepareIndices(m, nodeUrl, prefix, schemas) {
  const store = await m.openOpenSearchStore({ hosts: [nodeUrl], prefix, reportSchema: schemas.reportSchema });
  await store.close();
}

/** Rounds of one side against the other, alternating which goes first; each round has its own reports. */
function combineRounds(rounds) {
  const requests = rounds.reduce((n, r) => n + r.requests, 0);
  const elapsedMs = rounds.reduce((n, r) => n + r.elapsedMs, 0);
  return {
    requests,
    failed: rounds.reduce((n, r) => n + r.failed, 0),
    firstError: rounds.find((r) => r.firstError)?.firstError,
    elapsedMs,
    requestsPerSecond: round((requests * 1000) / Math.max(elapsedMs, 1)),
    poolExhausted: rounds.some((r) => r.poolExhausted),
    rounds,
  };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function runIngest(m, { node, dir, schemas, concurrency, warmupS, prewarmS, durationS, rounds, pool, barePool, apps, log }) {
  const runId = Date.now().toString(36);
  const keyDir = join(dir, 'keys');
  const generated = await m.runReceiverCli(['--generate-key', '--out', keyDir]);
  if (generated.code !== 0) throw new Error(`--generate-key failed: ${generated.stderr}`);
  const publicJwk = JSON.parse(readFileSync(join(keyDir, 'receiver_public.jwk.json'), 'utf8'));
  const encryptor = m.createReportEncryptor(publicJwk);

  // Distinct reports, timestamps one second apart ending now: what a fleet posting today looks like.
  log(`  encrypting ${pool} reports to the receiver's key (${publicJwk.kid.slice(0, 12)}...)...`);
  const encryptStarted = Date.now();
  const start = Date.now() - pool * 1000;
  const bodies = [];
  let firstPlain;
  for (let i = 0; i < pool; i++) {
    const report = buildReport(m, { clusterUuid: `bench-${runId}-r${i}`, timestamp: new Date(start + i * 1000).toISOString(), version: VERSIONS[i % VERSIONS.length], apps, seed: i });
    const plaintext = JSON.stringify(report);
    firstPlain ??= { report, plaintext };
    bodies.push(Buffer.from(await encryptor.encryptText(plaintext)));
  }
  const encryptMs = Date.now() - encryptStarted;
  log(`  encrypted in ${encryptMs} ms (${bodies[0].length} bytes of JWE for ${Buffer.byteLength(firstPlain.plaintext)} bytes of report)`);

  // bare: the same operations for other distinct reports (more of them: it is expected to be faster).
  log(`  building ${barePool} bare _bulk bodies...`);
  await prepareIndices(m, node.url, BARE_PREFIX, schemas);
  const bareBodies = [];
  const receivedAt = Date.now();
  const bareStart = Date.now() - barePool * 1000;
  for (let i = 0; i < barePool; i++) {
    const report = buildReport(m, { clusterUuid: `bench-${runId}-b${i}`, timestamp: new Date(bareStart + i * 1000).toISOString(), version: VERSIONS[i % VERSIONS.length], apps, seed: i });
    bareBodies.push(m.reportOperations(BARE_PREFIX, acceptedOf(m, report, JSON.stringify(report), receivedAt, schemas)));
  }

  const receiver = await m.startReceiverProcess([
    '--opensearch', node.url, '--index-prefix', RECEIVER_PREFIX, '--key', join(keyDir, 'receiver_private.jwk.json'), '--rate', '1000000',
  ]);
  const keyBits = Buffer.from(publicJwk.n, 'base64url').length * 8;
  const result = { keyBits, reportBytes: Buffer.byteLength(firstPlain.plaintext), jweBytes: bodies[0].length, bareBulkBytes: Buffer.byteLength(ndjson(bareBodies[0])), encryptMs, barePool };
  try {
    const port = Number(new URL(receiver.url).port);
    const nodePort = Number(new URL(node.url).port);
    const headers = {
      'content-type': m.JWE_CONTENT_TYPE,
      [m.TELEMETRY_HEADERS.telemetryVersion]: 'v2',
      [m.TELEMETRY_HEADERS.channel]: 'snapshot',
      [m.TELEMETRY_HEADERS.version]: '2.19.0',
    };
    const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency * 2 });
    const acknowledged = { receiver: 0, bare: 0 };
    const cursor = { receiver: 0, bare: 0 };
    // The store's own group commit in front of a bare `_bulk`: the same batching, none of the receiver's work.
    const bareBulk = m.createGroupCommit(async (operations) => {
      const res = await postBody(agent, { port: nodePort, path: '/_bulk', headers: { 'content-type': 'application/x-ndjson' } }, Buffer.from(ndjson(operations)));
      const answer = parsed(res.text);
      if (res.status !== 200 || !answer?.items) throw new Error(`${res.status} ${res.text.slice(0, 300)}`);
      return answer.items.map((item) => Object.values(item)[0]);
    });
    const sides = {
      receiver: {
        pool: bodies,
        cpuPids: { receiver: receiver.process.pid, opensearch: node.pid, bench: process.pid },
        send: async (body) => {
          const res = await postBody(agent, { port, path: '/v2/reports', headers }, body);
          const stored = res.status === 200 && parsed(res.text)?.outcome === 'stored';
          if (stored) acknowledged.receiver++;
          return stored ? { ok: true } : { ok: false, error: `${res.status} ${res.text.slice(0, 200)}` };
        },
      },
      bare: {
        pool: bareBodies,
        cpuPids: { opensearch: node.pid, bench: process.pid },
        send: async (operations) => {
          const items = await bareBulk(operations).catch((error) => [{ status: 0, error: { reason: error.message } }]);
          const failed = items.find((item) => item.error);
          if (failed) return { ok: false, error: `${failed.status} ${JSON.stringify(failed.error)}` };
          acknowledged.bare++;
          return { ok: true };
        },
      },
    };
    const measured = { receiver: [], bare: [] };
    const ratios = [];
    // Untimed, once per side: the node's JIT compiles each side's own paths (the receiver's client sends
    // smaller bulks with other headers than the seeding did) before any round is measured.
    // It also creates each side's daily index. A new shard refreshes every second until it has seen no
    // search for 30 s (index.search.idle.after), then only when read: round 1 waits for that, as round 2
    // would, so that neither side's round 1 pays a second-by-second refresh the other round does not.
    let lastIndexCreated = Date.now();
    for (const side of ['receiver', 'bare']) {
      log(`  pre-warming ${side} for ${prewarmS}s (not measured)...`);
      const { pool: all, ...rest } = sides[side];
      lastIndexCreated = Date.now();
      const load = await runClosedLoop({ ...rest, cpuPids: {}, pool: all.slice(cursor[side]), concurrency, warmupMs: prewarmS * 1000, durationMs: 1 });
      cursor[side] += load.poolUsed;
    }
    const searchIdleAt = lastIndexCreated + SEARCH_IDLE_MS + 1000;
    log(`  waiting ${Math.max(0, searchIdleAt - Date.now())} ms for the new daily indices to go search-idle...`);
    await new Promise((r) => setTimeout(r, Math.max(0, searchIdleAt - Date.now())));
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? ['receiver', 'bare'] : ['bare', 'receiver'];
      for (const side of order) {
        // Whichever side goes first must not pay for the merges and flushes the previous phase left running.
        const settledMs = await settleNode(node.pid);
        log(`  round ${r + 1}/${rounds}, ${side}: node settled in ${settledMs} ms; ${concurrency} clients, ${warmupS}s warm-up, ${durationS}s measured...`);
        const { pool: all, ...rest } = sides[side];
        const writesBefore = await writeTasks(node.url);
        const gcBefore = await gcMillis(node.url);
        const ackBefore = acknowledged[side];
        const load = await runClosedLoop({ ...rest, pool: all.slice(cursor[side]), concurrency, warmupMs: warmupS * 1000, durationMs: durationS * 1000 });
        const reports = acknowledged[side] - ackBefore;
        // Shard-level `_bulk` tasks the node ran per stored report (warm-up included): fewer = larger bulks.
        load.nodeWriteTasksPerReport = reports > 0 ? Math.round((((await writeTasks(node.url)) - writesBefore) / reports) * 1000) / 1000 : undefined;
        load.nodeSettledMs = settledMs;
        load.nodeGcMicrosPerReport = reports > 0 ? Math.round((((await gcMillis(node.url)) - gcBefore) * 1000) / reports) : undefined;
        cursor[side] += load.poolUsed;
        measured[side].push(load);
      }
      ratios.push(round(measured.receiver[r].requestsPerSecond / Math.max(measured.bare[r].requestsPerSecond, 1e-9)));
    }
    agent.destroy();
    const storedReceiver = await countIn(node.url, `${RECEIVER_PREFIX}-reports-*`);
    const storedBare = await countIn(node.url, `${BARE_PREFIX}-reports-*`);
    // The first report's stored document against the one the bare phase builds for it.
    const expected = m.reportOperations(RECEIVER_PREFIX, acceptedOf(m, firstPlain.report, firstPlain.plaintext, 0, schemas))[0];
    const { _source: stored } = await nodeJson(`${node.url}/${expected[0].create._index}/_doc/${expected[0].create._id}`);
    const { received_at: _a, ...storedRest } = stored;
    const { received_at: _b, ...expectedRest } = JSON.parse(JSON.stringify(expected[1]));
    result.receiver = {
      ...combineRounds(measured.receiver),
      verification: { acknowledgedStored: acknowledged.receiver, storedReports: storedReceiver, exact: acknowledged.receiver === storedReceiver, sameDocumentAsBare: isDeepStrictEqual(storedRest, expectedRest) },
    };
    result.bare = { ...combineRounds(measured.bare), verification: { acknowledgedStored: acknowledged.bare, storedReports: storedBare, exact: acknowledged.bare === storedBare } };
    result.roundRatios = ratios;
    result.ratio = round(median(ratios));
  } finally {
    await receiver.stop();
  }
  return result;
}

async function runSummary(m, { node, schemas, reports, deployments, calls, log }) {
  await prepareIndices(m, node.url, SUMMARY_PREFIX, schemas);
  const perDeployment = Math.ceil(reports / deployments);
  const now = Date.now();
  const seedStarted = Date.now();
  const batches = [];
  let batch = [];
  for (let i = 0; i < reports; i++) {
    const d = i % deployments;
    const k = Math.floor(i / deployments);
    // Each deployment reports once a day: `perDeployment` days of a fleet of `deployments`.
    const dayAgo = k;
    const timestamp = new Date(now - dayAgo * DAY_MS - (d % 3600) * 1000).toISOString();
    const report = buildReport(m, { clusterUuid: `fleet-${d}`, timestamp, version: VERSIONS[(d + (k > perDeployment / 2 ? 1 : 0)) % VERSIONS.length], apps: 1 + (d % 12), seed: i });
    batch.push(...m.reportOperations(SUMMARY_PREFIX, acceptedOf(m, report, JSON.stringify(report), now, schemas)));
    if (batch.length >= 600) {
      batches.push(batch);
      batch = [];
    }
  }
  if (batch.length) batches.push(batch);
  log(`  seeding ${reports} reports of ${deployments} deployments (${batches.length} _bulk requests)...`);
  // Two writers: updates of one deployment in one request stay ordered; across requests they are compare-and-set.
  let nextBatch = 0;
  const writer = async () => {
    while (nextBatch < batches.length) {
      const res = await nodeJson(`${node.url}/_bulk`, 'POST', ndjson(batches[nextBatch++]));
      if (res.errors) throw new Error(`seeding: ${JSON.stringify(res.items.find((it) => Object.values(it)[0].error)).slice(0, 300)}`);
    }
  };
  await Promise.all([writer(), writer()]);
  const seeded = await countIn(node.url, `${SUMMARY_PREFIX}-reports-*`);
  const seedMs = Date.now() - seedStarted;
  log(`  seeded ${seeded} in ${seedMs} ms; starting a receiver on them...`);

  const receiver = await m.startReceiverProcess(['--opensearch', node.url, '--index-prefix', SUMMARY_PREFIX]);
  try {
    const call = async () => {
      const started = process.hrtime.bigint();
      const res = await fetch(`${receiver.url}/api/fleet/summary`);
      const body = await res.json();
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (res.status !== 200) throw new Error(`/api/fleet/summary answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
      return { ms, body };
    };
    for (let i = 0; i < 3; i++) await call();
    const durations = [];
    let last;
    for (let i = 0; i < calls; i++) {
      const { ms, body } = await call();
      durations.push(ms);
      last = body;
    }
    return {
      seedMs,
      seededReports: seeded,
      ...stats(durations),
      answer: { deployments: last.deployments, reports: last.reports, versions: last.versions, collectors: Object.keys(last.collectors).length, timelineDays: last.timeline.length },
      correct: last.reports === reports && last.deployments === deployments,
    };
  } finally {
    await receiver.stop();
  }
}

async function run({ durationS = 8, warmupS = 2, prewarm: prewarmS = 6, rounds = 2, concurrency = 16, pool = 32000, barePool = 56000, apps = 10, reports: summaryReports = 20000, deployments = 2000, calls = 20, log = console.log } = {}) {
  const m = modules();
  const collectorSchemas = m.loadCollectorSchemas();
  const schemas = { collectorSchemas, reportSchema: m.buildReportSchema(collectorSchemas) };
  const dir = mkdtempSync(join(os.tmpdir(), 'osd-bench-receiver-'));
  const loadAverageAtStart = os.loadavg().map(round);
  log('  starting one OpenSearch node...');
  const node = await m.startOpenSearch({});
  log(`  node ${node.url} (pid ${node.pid}) up after ${node.startupMs} ms`);
  try {
    // The summary's seeding goes first: it also warms the node (JIT, the scripts, the template's mappings)
    // so that neither ingest side pays for a cold JVM.
    const summary = await runSummary(m, { node, schemas, reports: summaryReports, deployments, calls, log });
    const ingest = await runIngest(m, { node, dir, schemas, concurrency, warmupS, prewarmS, durationS, rounds, pool, barePool, apps, log });
    const { receiver, bare, ratio } = ingest;
    const loadAverageAtEnd = os.loadavg().map(round);
    const rate = (side) =>
      `${side.requestsPerSecond} reports/s (${side.requests} in ${side.elapsedMs} ms over ${rounds} rounds, ${side.failed} failed${side.poolExhausted ? ', pool exhausted' : ''}; ` +
      side.rounds.map((r, i) => `round ${i + 1}: ${r.requestsPerSecond}/s p50 ${r.latencyMs.p50} ms p99 ${r.latencyMs.p99} ms`).join(', ') +
      ')';
    const cpu = (side, name) => side.rounds.map((r) => r.cpuMicrosPerRequest[name]).join('/');
    const perRound = (side, key) => side.rounds.map((r) => r[key]).join('/');
    return {
      parameters: {
        concurrency,
        rounds,
        warmupS,
        prewarmS,
        durationS,
        pool,
        barePool: ingest.barePool,
        appsPerReport: apps,
        reportBytes: ingest.reportBytes,
        jweBytes: ingest.jweBytes,
        bareBulkBytes: ingest.bareBulkBytes,
        keyBits: ingest.keyBits,
        encryption: `RSA-OAEP-256 (${ingest.keyBits}-bit key from --generate-key, its default size) + A256GCM, by the sender's createReportEncryptor, ahead of time`,
        summaryReports,
        deployments,
        calls,
        receiverAuth: 'none: ingest is open by design; the read side answers loopback clients (the bench is one)',
        opensearch: '2.19.6 (test/opensearch, single node, 512 MB heap)',
        loadAverageAtStart,
        loadAverageAtEnd,
      },
      results: { receiver, bare, encryptMs: ingest.encryptMs, summary },
      ratios: { receiverToBare: ratio, perRound: ingest.roundRatios },
      targets: {
        'receiver / bare _bulk >= 0.5': { target: 0.5, actual: ratio, met: ratio >= 0.5 },
        'GET /api/fleet/summary over 20,000 reports < 500 ms (p99)': { target: 500, actual: summary.p99, met: summary.p99 < 500 && summary.correct },
        'every acknowledged report stored, none twice': { met: receiver.verification.exact && bare.verification.exact && receiver.failed === 0 && bare.failed === 0 },
      },
      summary: [
        `receiver: ${rate(receiver)}; CPU us/report receiver ${cpu(receiver, 'receiver')}, opensearch ${cpu(receiver, 'opensearch')}, bench ${cpu(receiver, 'bench')}; node write tasks/report ${perRound(receiver, 'nodeWriteTasksPerReport')}, node GC us/report ${perRound(receiver, 'nodeGcMicrosPerReport')}; node settled in ${perRound(receiver, 'nodeSettledMs')} ms`,
        `bare _bulk (same documents, same batching): ${rate(bare)}; CPU us/report opensearch ${cpu(bare, 'opensearch')}, bench ${cpu(bare, 'bench')}; node write tasks/report ${perRound(bare, 'nodeWriteTasksPerReport')}, node GC us/report ${perRound(bare, 'nodeGcMicrosPerReport')}; node settled in ${perRound(bare, 'nodeSettledMs')} ms`,
        `ratio = receiver / bare = ${ratio} (median of rounds ${ingest.roundRatios.join(', ')}; target >= 0.5: ${ratio >= 0.5 ? 'met' : 'not met'})`,
        `read-back: receiver ${receiver.verification.storedReports} stored / ${receiver.verification.acknowledgedStored} acknowledged (${receiver.verification.exact ? 'exact' : 'MISMATCH'}), stored document ${receiver.verification.sameDocumentAsBare ? 'identical to' : 'DIFFERENT from'} the bare one; bare ${bare.verification.storedReports} / ${bare.verification.acknowledgedStored} (${bare.verification.exact ? 'exact' : 'MISMATCH'})`,
        `GET /api/fleet/summary over ${summary.seededReports} reports of ${summary.answer.deployments} deployments: p50 ${summary.p50} ms, p99 ${summary.p99} ms, max ${summary.max} ms (${summary.count} calls; answer ${summary.correct ? 'correct' : 'WRONG'}; target < 500 ms: ${summary.p99 < 500 ? 'met' : 'not met'})`,
        `load average at start ${loadAverageAtStart.join(' ')}, at end ${loadAverageAtEnd.join(' ')} (2 cores, shared)`,
      ],
    };
  } finally {
    await node.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = {
  name: 'receiver_ingest',
  description: 'telemetry receiver on OpenSearch: encrypted reports/s stored vs a bare _bulk of the same documents; /api/fleet/summary over 20,000 reports',
  run,
};

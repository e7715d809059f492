'use strict';
/*
 * A closed loop over a finite pool: `concurrency` clients, each with one request in flight, each taking the
 * next item of the pool (never the same item twice, so idempotent receivers never see a duplicate). It
 * runs `warmupMs`, then measures `durationMs`, or until the pool runs out (the window then ends at the
 * last measured answer and `poolExhausted` says so). `send(item)` resolves `{ ok, error? }`.
 */
const http = require('http');
const { cpuTimeMs, percentile, round } = require('./load');

/** POSTs `body` (a Buffer) to 127.0.0.1:port; resolves status and text, or status 0 and the error. */
function postBody(agent, { port, path, headers }, body) {
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', agent, headers: { ...headers, 'content-length': body.length } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString() }));
    });
    req.on('error', (error) => resolve({ status: 0, text: String(error) }));
    req.end(body);
  });
}

/**
 * Runs the loop. `pool` is an array; `cpuPids` maps names to process ids whose CPU time (user + system)
 * over the measured window is reported per measured answer.
 */
async function runClosedLoop({ pool, send, concurrency, warmupMs, durationMs, cpuPids = {} }) {
  let next = 0;
  let measuring = false;
  let stop = false;
  let ok = 0;
  let failed = 0;
  let firstError;
  let lastAnswerAt;
  const latencies = [];
  let started;
  const cpuBefore = {};

  const client = async () => {
    while (!stop && next < pool.length) {
      const item = pool[next++];
      const t0 = process.hrtime.bigint();
      const result = await send(item);
      const t1 = process.hrtime.bigint();
      if (!measuring) continue;
      lastAnswerAt = t1;
      if (result.ok) {
        ok++;
        latencies.push(Number(t1 - t0) / 1e6);
      } else {
        failed++;
        firstError ??= result.error;
      }
    }
  };

  const clients = Array.from({ length: concurrency }, client);
  const all = Promise.all(clients);
  const poolDone = all.then(() => 'done');
  await Promise.race([new Promise((r) => setTimeout(r, warmupMs)), poolDone]);
  measuring = true;
  started = process.hrtime.bigint();
  for (const [name, pid] of Object.entries(cpuPids)) cpuBefore[name] = cpuTimeMs(pid);
  const ended = await Promise.race([new Promise((r) => setTimeout(() => r('time'), durationMs)), poolDone]);
  const cpuAfter = {};
  for (const [name, pid] of Object.entries(cpuPids)) cpuAfter[name] = cpuTimeMs(pid);
  const endAt = ended === 'done' ? lastAnswerAt ?? process.hrtime.bigint() : process.hrtime.bigint();
  measuring = false;
  stop = true;
  await all;
  const elapsedMs = Number(endAt - started) / 1e6;
  latencies.sort((a, b) => a - b);
  const cpuMicrosPerRequest = {};
  for (const name of Object.keys(cpuPids)) {
    const a = cpuBefore[name];
    const b = cpuAfter[name];
    cpuMicrosPerRequest[name] = a !== undefined && b !== undefined && ok > 0 ? Math.round(((b - a) * 1000) / ok) : undefined;
  }
  return {
    requests: ok,
    failed,
    firstError,
    elapsedMs: Math.round(elapsedMs),
    requestsPerSecond: elapsedMs > 0 ? round((ok * 1000) / elapsedMs) : 0,
    latencyMs: { p50: round(percentile(latencies, 50)), p99: round(percentile(latencies, 99)), max: round(latencies[latencies.length - 1] || 0) },
    cpuMicrosPerRequest,
    poolUsed: next,
    poolExhausted: next >= pool.length,
  };
}

module.exports = { runClosedLoop, postBody };

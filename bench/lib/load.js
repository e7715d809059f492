'use strict';
/*
 * A closed-loop HTTP load generator: `concurrency` clients, each with one request in flight at a time on
 * its own keep-alive connection, posting pre-serialised bodies round-robin for a fixed time. Requests are
 * built once and written raw (raw_http.js): the driver shares the machine with the server it measures.
 */
const { readFileSync } = require('fs');
const { buildPost, RawHttpConnection } = require('./raw_http');

/** CPU time (user + system) a process has used, in ms; undefined where /proc is not available. */
function cpuTimeMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command name.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * Runs the load. `bodies` are Buffers; `onResponse(index, status)` is told about every answer (index into
 * `bodies`), during warm-up too. Only answers completed inside the measured window count in the result.
 */
async function runLoad({ port, path, headers = {}, bodies, concurrency, warmupMs, durationMs, serverPid, onResponse = () => {} }) {
  const requests = bodies.map((body) => buildPost({ port, path, headers: { 'content-type': 'application/json', ...headers } }, body));
  let next = 0;
  let measuring = false;
  let stop = false;
  let ok = 0;
  let failed = 0;
  const latencies = [];
  let firstError;

  const connections = [];
  const client = async () => {
    const connection = new RawHttpConnection(port);
    connections.push(connection);
    while (!stop) {
      const index = next++ % bodies.length;
      const sent = process.hrtime.bigint();
      const result = await connection.send(requests[index]);
      const ms = Number(process.hrtime.bigint() - sent) / 1e6;
      onResponse(index, result.status);
      if (!measuring) continue;
      if (result.status === 200) {
        ok++;
        latencies.push(ms);
      } else {
        failed++;
        firstError ??= result.error ? String(result.error) : `${result.status} ${result.body.toString().slice(0, 200)}`;
      }
    }
  };

  const clients = Array.from({ length: concurrency }, client);
  await new Promise((r) => setTimeout(r, warmupMs));
  measuring = true;
  const started = process.hrtime.bigint();
  const cpuBefore = serverPid && cpuTimeMs(serverPid);
  const driverBefore = process.cpuUsage();
  await new Promise((r) => setTimeout(r, durationMs));
  measuring = false;
  const cpuAfter = serverPid && cpuTimeMs(serverPid);
  const driver = process.cpuUsage(driverBefore);
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  stop = true;
  await Promise.all(clients);
  for (const connection of connections) connection.close();
  latencies.sort((a, b) => a - b);
  return {
    requests: ok,
    failed,
    firstError,
    elapsedMs: Math.round(elapsedMs),
    requestsPerSecond: (ok * 1000) / elapsedMs,
    latencyMs: { p50: round(percentile(latencies, 50)), p99: round(percentile(latencies, 99)), max: round(latencies[latencies.length - 1] || 0) },
    // Server CPU per answered request: steadier than throughput on a machine others use too.
    serverCpuMicrosPerRequest: cpuBefore !== undefined && cpuAfter !== undefined && ok > 0 ? Math.round(((cpuAfter - cpuBefore) * 1000) / ok) : undefined,
    // This process (the load generator), which shares the machine's cores with the server.
    driverCpuMicrosPerRequest: ok > 0 ? Math.round((driver.user + driver.system) / ok) : undefined,
  };
}

const round = (x) => Math.round(x * 100) / 100;

module.exports = { runLoad, percentile, round, cpuTimeMs };

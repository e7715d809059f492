'use strict';

/*
 * Starts a real OpenSearch 2.19 node (in-process server from Maven Central jars, see pom.xml and
 * OpenSearchTestNode.java) for development and integration tests. Plain CommonJS, Node built-ins only.
 *
 *   const { startOpenSearch } = require('<repo>/test/opensearch/opensearch_node');
 *   const node = await startOpenSearch({ log: console.log });
 *   // node.url === 'http://127.0.0.1:<port>'
 *   await node.stop();
 *
 * See docs/opensearch_test_node.md.
 */

const { spawn } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');
const { EventEmitter } = require('events');

const MODULE_DIR = __dirname;
const POM = path.join(MODULE_DIR, 'pom.xml');
const SRC_DIR = path.join(MODULE_DIR, 'src');
const TARGET_DIR = path.join(MODULE_DIR, 'target');
const CLASSES_DIR = path.join(TARGET_DIR, 'classes');
const CP_FILE = path.join(TARGET_DIR, 'cp.txt');
const MAIN_CLASS = 'org.opensearch.dashboards.testnode.OpenSearchTestNode';
const MAIN_CLASS_FILE = path.join(CLASSES_DIR, ...MAIN_CLASS.split('.')) + '.class';
const LOG_CONFIG_FILE = path.join(CLASSES_DIR, 'log4j2.properties');
// Touched after every successful build (Maven leaves unchanged outputs, e.g. copied resources, untouched).
const BUILD_STAMP = path.join(TARGET_DIR, 'build.stamp');

const HOST = '127.0.0.1';
const DEFAULT_START_TIMEOUT_MS = 120000;
const STOP_GRACE_MS = 20000;
const OUTPUT_TAIL_LINES = 200;

// Same flags the OpenSearch distribution puts in config/jvm.options, plus a fixed 512 MB heap.
const JVM_FLAGS = [
  '-Xms512m',
  '-Xmx512m',
  '-XX:+ExitOnOutOfMemoryError',
  '-Djava.locale.providers=SPI,COMPAT',
  '-Dio.netty.noUnsafe=true',
  '-Dio.netty.noKeySetOptimization=true',
  '-Dio.netty.recycler.maxCapacityPerThread=0',
  '-Dio.netty.allocator.numDirectArenas=0',
  '-Dlog4j2.disable.jmx=true',
  '-Dlog4j.shutdownHookEnabled=false',
  '-Dfile.encoding=UTF-8',
  '-Djava.awt.headless=true',
  // Reported in _cluster/stats nodes.packaging_types; a tarball install reports "tar".
  '-Dopensearch.distribution.type=tar',
];

const noop = () => {};

// ---------------------------------------------------------------------------------------------
// Build

function newestMtime(p) {
  let stat;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(p)) {
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

function mtimeOrZero(p) {
  try {
    return fs.statSync(p).mtimeMs;
  } catch {
    return 0;
  }
}

function readClasspath() {
  return fs.readFileSync(CP_FILE, 'utf8').trim();
}

function isBuildFresh() {
  const inputs = Math.max(mtimeOrZero(POM), newestMtime(SRC_DIR));
  if (![MAIN_CLASS_FILE, LOG_CONFIG_FILE, CP_FILE].every((f) => fs.existsSync(f))) return false;
  if (mtimeOrZero(BUILD_STAMP) <= inputs) return false;
  // ~/.m2 may have been cleaned since the last build: every jar on the classpath must still exist.
  const jars = readClasspath().split(path.delimiter).filter(Boolean);
  return jars.length > 0 && jars.every((jar) => fs.existsSync(jar));
}

function tail(text, lines) {
  return text.split('\n').slice(-lines).join('\n');
}

function runMaven(log) {
  const mvn = process.env.MVN || 'mvn';
  const args = [
    '-B',
    '-ntp',
    '-q',
    '-f',
    POM,
    'package',
    'dependency:build-classpath',
    `-Dmdep.outputFile=${CP_FILE}`,
  ];
  log(`[opensearch] building the test node: ${mvn} ${args.join(' ')}`);
  return new Promise((resolve, reject) => {
    const child = spawn(mvn, args, { cwd: MODULE_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk) => {
      output = tail(output + chunk.toString(), 400);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (err) => reject(new Error(`could not run ${mvn}: ${err.message}`)));
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`maven build of the OpenSearch test node failed (${signal || `exit ${code}`}):\n${tail(output, 60)}`));
    });
  });
}

let buildPromise = null;

/**
 * Builds the Java launcher (target/classes + target/cp.txt) unless it is already up to date.
 * Runs Maven at most once per process at a time.
 */
async function buildLauncher({ log = noop } = {}) {
  if (isBuildFresh()) return;
  if (!buildPromise) {
    buildPromise = (async () => {
      const started = Date.now();
      await runMaven(log);
      fs.writeFileSync(BUILD_STAMP, `${new Date().toISOString()}\n`);
      log(`[opensearch] build done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    })().finally(() => {
      buildPromise = null;
    });
  }
  await buildPromise;
}

// ---------------------------------------------------------------------------------------------
// Helpers

function listenOnFreePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, HOST, () => resolve(server));
  });
}

/** Returns `count` distinct ports that were free on 127.0.0.1 a moment ago. */
async function findFreePorts(count) {
  const servers = [];
  try {
    for (let i = 0; i < count; i++) servers.push(await listenOnFreePort());
    return servers.map((s) => s.address().port);
  } finally {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(() => r()))));
  }
}

function findJava() {
  const javaHome = process.env.JAVA_HOME;
  if (javaHome) {
    const candidate = path.join(javaHome, 'bin', 'java');
    if (fs.existsSync(candidate)) return candidate;
  }
  return 'java';
}

/** Minimal HTTP request with no keep-alive (nothing left open for test runners to complain about). */
function request(url, { method = 'GET', timeoutMs = 10000 } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent: false, timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('timeout', () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}

const delay = (ms) => new Promise((r) => setTimeout(r, ms));

/** Waits for `promise` at most `ms` milliseconds, without leaving a timer behind. */
async function waitAtMost(promise, ms) {
  let timer;
  try {
    await Promise.race([promise, new Promise((r) => (timer = setTimeout(r, ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

const TEMP_HOME_PREFIX = 'osd-opensearch-';
const OWNER_FILE = '.owner-pid';

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/** Creates a temp node home, and removes ones left behind by test processes that were SIGKILLed. */
function createTempHome() {
  const tmp = os.tmpdir();
  for (const entry of fs.readdirSync(tmp)) {
    if (!entry.startsWith(TEMP_HOME_PREFIX)) continue;
    const dir = path.join(tmp, entry);
    try {
      const owner = Number(fs.readFileSync(path.join(dir, OWNER_FILE), 'utf8'));
      if (owner > 0 && !isAlive(owner)) fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // no owner file (yet): leave it alone
    }
  }
  const home = fs.mkdtempSync(path.join(tmp, TEMP_HOME_PREFIX));
  fs.writeFileSync(path.join(home, OWNER_FILE), String(process.pid));
  return home;
}

// ---------------------------------------------------------------------------------------------
// Clean-up of nodes still running when this process ends

const liveNodes = new Set();
let exitHandlersInstalled = false;

function killAllNow() {
  for (const node of liveNodes) node._killAtExit();
}

function installExitHandlers() {
  if (exitHandlersInstalled) return;
  exitHandlersInstalled = true;
  process.on('exit', killAllNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    const handler = () => {
      // Only act when nobody else handles the signal (a script that handles it calls stop() itself).
      if (process.listenerCount(signal) > 1) return;
      killAllNow();
      process.removeListener(signal, handler);
      process.kill(process.pid, signal);
    };
    process.on(signal, handler);
  }
}

// ---------------------------------------------------------------------------------------------
// The node

class OpenSearchNode extends EventEmitter {
  constructor({ port, transportPort, home, ownsHome, clusterName, startTimeoutMs, log, nodeName, seedHosts, initialManagers }) {
    super();
    this.nodeName = nodeName || 'osd-test-node';
    // Cluster members only: transport addresses of every member, and the names voting in the first election.
    this._seedHosts = seedHosts;
    this._initialManagers = initialManagers;
    this.port = port;
    this.transportPort = transportPort;
    this.url = `http://${HOST}:${port}`;
    this.dataDir = home;
    this.logFile = path.join(home, 'logs', 'console.log');
    this.pid = undefined;
    this._ownsHome = ownsHome;
    this._clusterName = clusterName;
    this._startTimeoutMs = startTimeoutMs;
    this._log = log;
    this._child = null;
    this._exited = null; // promise resolved when the current java process has exited
    this._outputTail = [];
    this._stopping = null;
    this._removed = false;
  }

  /** The last lines the java process printed (stdout and stderr). */
  outputTail(lines = 60) {
    return this._outputTail.slice(-lines).join('\n');
  }

  async _launch() {
    await buildLauncher({ log: this._log });
    const classpath = `${CLASSES_DIR}${path.delimiter}${readClasspath()}`;
    const tmpDir = path.join(this.dataDir, 'tmp');
    fs.mkdirSync(path.join(this.dataDir, 'logs'), { recursive: true });
    fs.mkdirSync(tmpDir, { recursive: true });

    const args = [
      ...JVM_FLAGS,
      `-Djava.io.tmpdir=${tmpDir}`,
      '-cp',
      classpath,
      MAIN_CLASS,
      '--http-port',
      String(this.port),
      '--transport-port',
      String(this.transportPort),
      '--home',
      this.dataDir,
      '--cluster-name',
      this._clusterName,
      '--node-name',
      this.nodeName,
      ...(this._seedHosts ? ['--seed-hosts', this._seedHosts.join(',')] : []),
      ...(this._initialManagers ? ['--initial-managers', this._initialManagers.join(',')] : []),
      '--exit-on-stdin-eof',
    ];
    const java = findJava();
    const started = Date.now();
    this._log(`[opensearch] starting ${java} (home ${this.dataDir}, http ${this.port}, transport ${this.transportPort})`);

    // stdin stays an open pipe: if this Node process dies, the pipe closes and the java side exits.
    const child = spawn(java, args, { cwd: this.dataDir, stdio: ['pipe', 'pipe', 'pipe'] });
    this._child = child;
    this._outputTail = [];
    this._stopping = null;
    const logStream = fs.createWriteStream(this.logFile, { flags: 'a' });
    logStream.on('error', noop);

    let readyUrl = null;
    let failure = null;
    let wake = noop;
    const wakeUp = () => wake();

    this._exited = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        liveNodes.delete(this);
        logStream.end();
        this._log(`[opensearch] java process ${child.pid} exited (${signal || `code ${code}`})`);
        this.emit('exit', { code, signal, expected: Boolean(this._stopping) });
        resolve({ code, signal });
        wakeUp();
      });
    });
    // 'close' comes after 'exit' once stdout/stderr are drained: error messages wait for it to get the full tail.
    const closed = new Promise((resolve) => child.on('close', resolve));
    child.on('error', (err) => {
      failure = new Error(`could not start ${java}: ${err.message}`);
      wakeUp();
    });
    child.stdin.on('error', noop);

    const onLines = (stream) => {
      let pending = '';
      stream.on('data', (chunk) => {
        logStream.write(chunk);
        pending += chunk.toString();
        const lines = pending.split('\n');
        pending = lines.pop();
        for (const line of lines) {
          this._outputTail.push(line);
          if (this._outputTail.length > OUTPUT_TAIL_LINES) this._outputTail.shift();
          const ready = /^READY (http:\/\/\S+)/.exec(line);
          if (ready) {
            readyUrl = ready[1];
            wakeUp();
          } else if (line.trim()) {
            this._log(`[opensearch] ${line}`);
          }
        }
      });
    };
    onLines(child.stdout);
    onLines(child.stderr);

    if (child.pid === undefined) {
      await new Promise((r) => setImmediate(r));
      logStream.end();
      throw failure || new Error(`could not start ${java}`);
    }
    this.pid = child.pid;
    liveNodes.add(this);
    installExitHandlers();

    const deadline = started + this._startTimeoutMs;
    const exitedEarly = () => child.exitCode !== null || child.signalCode !== null;
    const fail = async (message) => {
      if (!exitedEarly() && child.pid !== undefined) {
        child.kill('SIGKILL');
        await this._exited;
      }
      await waitAtMost(closed, 3000);
      throw new Error(`${message}\n--- last output of the OpenSearch node (${this.logFile}) ---\n${this.outputTail()}`);
    };

    // 1. Wait for the READY line (or an early exit, or the deadline).
    while (!readyUrl) {
      if (failure) return fail(failure.message);
      if (exitedEarly()) return fail(`OpenSearch exited before it was ready (${child.signalCode || `code ${child.exitCode}`})`);
      if (Date.now() > deadline) return fail(`OpenSearch did not print READY within ${this._startTimeoutMs} ms`);
      await waitAtMost(new Promise((resolve) => (wake = resolve)), 250);
      wake = noop;
    }

    // 2. Wait for the cluster to be at least yellow.
    const healthUrl = `${this.url}/_cluster/health?wait_for_status=yellow&timeout=5s`;
    for (;;) {
      if (exitedEarly()) return fail(`OpenSearch exited while waiting for yellow (${child.signalCode || `code ${child.exitCode}`})`);
      if (Date.now() > deadline) return fail(`OpenSearch was not yellow within ${this._startTimeoutMs} ms`);
      try {
        const res = await request(healthUrl, { timeoutMs: 8000 });
        if (res.status === 200) break;
      } catch {
        // not listening yet, retry
      }
      await delay(500);
    }
    this.startupMs = Date.now() - started;
    // The first election is over once a member is ready; restarts rejoin with the state on disk.
    this._initialManagers = undefined;
    this._log(`[opensearch] ready at ${this.url} (pid ${this.pid}) after ${(this.startupMs / 1000).toFixed(1)} s`);
    return this;
  }

  /** SIGTERM to this node's PID only; SIGKILL after 20 s. Resolves when the process is gone. */
  _stopProcess() {
    if (!this._stopping) {
      this._stopping = (async () => {
        const child = this._child;
        if (!child || child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        await waitAtMost(this._exited, STOP_GRACE_MS);
        if (child.exitCode === null && child.signalCode === null) {
          this._log(`[opensearch] pid ${child.pid} still running ${STOP_GRACE_MS / 1000} s after SIGTERM, sending SIGKILL`);
          child.kill('SIGKILL');
          await this._exited;
        }
      })();
    }
    return this._stopping;
  }

  _removeHome() {
    if (this._ownsHome && !this._removed) {
      this._removed = true;
      fs.rmSync(this.dataDir, { recursive: true, force: true });
    }
  }

  /** Stops the node (data kept unless the home folder was a temp folder created by startOpenSearch). */
  async stop() {
    await this._stopProcess();
    this._removeHome();
  }

  /** Kills the java process at once with SIGKILL (a crash). Data is kept; call stop() to clean up. */
  kill9() {
    const child = this._child;
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }

  /** Stops the node and starts it again on the same ports with the same data. */
  async restart() {
    await this._stopProcess();
    if (this._removed) throw new Error('this node was stopped and its temp home removed; it cannot be restarted');
    return this._launch();
  }

  _killAtExit() {
    const child = this._child;
    if (child && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    if (this._ownsHome && !this._removed) {
      try {
        this._removeHome();
      } catch {
        // best effort at exit
      }
    }
  }
}

/**
 * Starts an OpenSearch node on 127.0.0.1 and resolves once it is at least yellow.
 *
 * @param {object} [options]
 * @param {number} [options.port] HTTP port; a free one is picked when missing.
 * @param {number} [options.transportPort] transport port; a free one is picked when missing.
 * @param {string} [options.dataDir] node home (data in <dataDir>/data, logs in <dataDir>/logs); kept on stop().
 *   When missing, a temp folder under os.tmpdir() is created and removed on stop().
 * @param {string} [options.clusterName] defaults to 'osd-test-cluster'.
 * @param {number} [options.startTimeoutMs] defaults to 120000.
 * @param {(line: string) => void} [options.log] receives progress messages and the node's own output.
 */
async function startOpenSearch({
  port,
  transportPort,
  dataDir,
  clusterName = 'osd-test-cluster',
  startTimeoutMs = DEFAULT_START_TIMEOUT_MS,
  log = noop,
} = {}) {
  await buildLauncher({ log });
  if (!port || !transportPort) {
    const picked = (await findFreePorts(3)).filter((p) => p !== port && p !== transportPort);
    port = port || picked.shift();
    transportPort = transportPort || picked.shift();
  }
  let home;
  let ownsHome = false;
  if (dataDir) {
    home = path.resolve(dataDir);
    fs.mkdirSync(home, { recursive: true });
  } else {
    home = createTempHome();
    ownsHome = true;
  }
  const node = new OpenSearchNode({ port, transportPort, home, ownsHome, clusterName, startTimeoutMs, log });
  try {
    return await node._launch();
  } catch (err) {
    node._removeHome();
    throw err;
  }
}

/**
 * Starts `nodes` OpenSearch nodes on 127.0.0.1, each its own JVM, forming one cluster, and resolves once
 * the cluster is green with every node in it. HTTP ports are `port`, `port + 1`, ... when `port` is given.
 * Each node's home is `<dataDir>/node-<i>` (kept on stop) or a temp folder (removed on stop).
 */
async function startOpenSearchCluster({
  nodes: count = 3,
  port,
  dataDir,
  clusterName = 'osd-test-cluster',
  startTimeoutMs = DEFAULT_START_TIMEOUT_MS,
  log = noop,
} = {}) {
  if (!Number.isInteger(count) || count < 1) throw new Error(`nodes must be a whole number of at least 1, got ${count}`);
  await buildLauncher({ log });
  const free = await findFreePorts(port ? count : count * 2);
  const httpPorts = port ? Array.from({ length: count }, (_, i) => port + i) : free.splice(0, count);
  const transportPorts = free.filter((p) => !httpPorts.includes(p)).slice(0, count);
  while (transportPorts.length < count) transportPorts.push(...(await findFreePorts(1)).filter((p) => !httpPorts.includes(p)));
  const names = httpPorts.map((_, i) => `osd-test-node-${i + 1}`);
  const seedHosts = transportPorts.map((p) => `${HOST}:${p}`);
  const members = httpPorts.map((httpPort, i) => {
    const ownsHome = !dataDir;
    const home = dataDir ? path.resolve(dataDir, `node-${i + 1}`) : createTempHome();
    fs.mkdirSync(home, { recursive: true });
    const single = count === 1;
    return new OpenSearchNode({
      port: httpPort,
      transportPort: transportPorts[i],
      home,
      ownsHome,
      clusterName,
      startTimeoutMs,
      log: (line) => log(line.replace(/^\[opensearch\]/, `[opensearch ${names[i]}]`)),
      nodeName: single ? undefined : names[i],
      seedHosts: single ? undefined : seedHosts,
      initialManagers: single ? undefined : names,
    });
  });
  const cluster = new OpenSearchCluster(members);
  try {
    // Together: no member is ready (has a cluster manager) before a majority of them runs.
    const launches = await Promise.allSettled(members.map((m) => m._launch()));
    const failed = launches.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    await cluster.waitForHealth('green', startTimeoutMs);
    return cluster;
  } catch (err) {
    await cluster.stop();
    throw err;
  }
}

/** The members of a cluster started by startOpenSearchCluster. */
class OpenSearchCluster {
  constructor(members) {
    this.nodes = members;
    this.urls = members.map((m) => m.url);
  }

  /** Resolves once a live member reports `status` (or better) with every member joined. */
  async waitForHealth(status = 'green', timeoutMs = DEFAULT_START_TIMEOUT_MS) {
    const deadline = Date.now() + timeoutMs;
    const query = `wait_for_status=${status}&wait_for_nodes=${this.nodes.length}&timeout=5s`;
    for (;;) {
      for (const member of this.nodes) {
        try {
          const res = await request(`${member.url}/_cluster/health?${query}`, { timeoutMs: 8000 });
          if (res.status === 200) return;
        } catch {
          // that member is down or not ready: ask the next one
        }
      }
      if (Date.now() > deadline) throw new Error(`the cluster was not ${status} with ${this.nodes.length} nodes within ${timeoutMs} ms`);
      await delay(500);
    }
  }

  /** Stops every member (homes removed only when they were temp folders). */
  async stop() {
    await Promise.all(this.nodes.map((m) => m.stop().catch(noop)));
  }
}

module.exports = { buildLauncher, startOpenSearch, startOpenSearchCluster, findFreePorts };

#!/usr/bin/env node
'use strict';

/*
 * `npm run opensearch -- [--nodes 1] [--port 9200] [--transport-port N] [--data DIR]`
 *
 * Runs a local OpenSearch 2.19 node (from Maven Central jars, see test/opensearch/) on 127.0.0.1 for
 * development, like `yarn opensearch snapshot` upstream. Data lives in <repo>/data/opensearch unless --data
 * is given, so it survives restarts. Ctrl-C (or SIGTERM) stops the node cleanly.
 * `--nodes N` starts N nodes (each its own JVM) forming one cluster, HTTP ports P, P+1, ...; their homes are
 * `<data>/node-<i>` (default data folder <repo>/data/opensearch-cluster).
 */

const path = require('path');
const { startOpenSearch, startOpenSearchCluster } = require('../test/opensearch/opensearch_node');

const REPO_ROOT = path.resolve(__dirname, '..');

function usage(message) {
  if (message) console.error(`error: ${message}`);
  console.error('usage: npm run opensearch -- [--nodes 1] [--port 9200] [--transport-port N] [--data DIR] [--quiet]');
  process.exit(message ? 2 : 0);
}

function parseArgs(argv) {
  const options = { nodes: 1, port: 9200, transportPort: undefined, data: undefined, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => {
      if (inline !== undefined) return inline;
      if (i + 1 >= argv.length) usage(`${flag} needs a value`);
      return argv[++i];
    };
    const portValue = () => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1 || n > 65535) usage(`${flag} must be a port number`);
      return n;
    };
    switch (flag) {
      case '--port':
        options.port = portValue();
        break;
      case '--transport-port':
        options.transportPort = portValue();
        break;
      case '--nodes': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 1 || n > 9) usage(`${flag} must be a whole number from 1 to 9`);
        options.nodes = n;
        break;
      }
      case '--data':
        options.data = path.resolve(value());
        break;
      case '--quiet':
        options.quiet = true;
        break;
      case '-h':
      case '--help':
        usage();
        break;
      default:
        usage(`unknown argument ${argv[i]}`);
    }
  }
  if (options.nodes > 1 && options.transportPort !== undefined) usage('--transport-port applies to one node only (cluster members get free ones)');
  if (options.nodes > 1 && options.port + options.nodes - 1 > 65535) usage('--port leaves no room for every node\'s port');
  options.data = options.data || path.join(REPO_ROOT, 'data', options.nodes > 1 ? 'opensearch-cluster' : 'opensearch');
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const log = options.quiet ? () => {} : (line) => console.error(line);

  let node = null;
  let startPromise = null;
  let stopping = false;
  const shutdown = async (signal) => {
    if (stopping) {
      // Second Ctrl-C: give up waiting; the launcher's exit handler kills the java process.
      process.exit(130);
    }
    stopping = true;
    console.error(`\n[opensearch] ${signal}: stopping...`);
    const started = node || (startPromise && (await startPromise.catch(() => null)));
    if (started) await started.stop();
    process.exit(0);
  };
  // Installed before the start so that Ctrl-C during the start also stops the java process cleanly.
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  startPromise =
    options.nodes > 1
      ? startOpenSearchCluster({ nodes: options.nodes, port: options.port, dataDir: options.data, log })
      : startOpenSearch({ port: options.port, transportPort: options.transportPort, dataDir: options.data, log });
  try {
    node = await startPromise;
  } catch (err) {
    if (stopping) return; // interrupted during the start (Ctrl-C also reaches java); shutdown() exits
    throw err;
  }
  if (stopping) return; // shutdown() stops it
  if (options.nodes > 1) {
    // A cluster outlives one member: say so and keep running (the test suites SIGKILL members on purpose).
    for (const member of node.nodes) {
      member.on('exit', ({ code, signal, expected }) => {
        if (!expected && !stopping) console.error(`[opensearch] ${member.nodeName} exited (${signal || `code ${code}`}); see ${member.logFile}`);
      });
    }
    console.error(`[opensearch] ${node.nodes.length} nodes, data under ${options.data} (Ctrl-C to stop)`);
    for (const url of node.urls) console.log(url);
    return;
  }
  node.on('exit', ({ code, signal, expected }) => {
    if (!expected && !stopping) {
      console.error(`[opensearch] the node exited unexpectedly (${signal || `code ${code}`}); see ${node.logFile}`);
      process.exit(1);
    }
  });
  console.error(`[opensearch] data: ${node.dataDir}  (pid ${node.pid}, Ctrl-C to stop)`);
  console.log(node.url);
}

main().catch((err) => {
  console.error(`[opensearch] ${err && err.stack ? err.stack : err}`);
  process.exit(1);
});

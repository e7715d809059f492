#!/usr/bin/env node
/*
 * `npm test`: every check, in the order that fails fastest: the tools the suites need (scripts/prerequisites.js),
 * type check, telemetry schema check, unit tests, then the integration suites that start real servers.
 * Extra arguments go to Jest (e.g. `npm test -- src/core`).
 */
const { spawnSync } = require('child_process');
const { resolve } = require('path');

const root = resolve(__dirname, '..');
const extra = process.argv.slice(2);
const bin = (name) => resolve(root, 'node_modules', '.bin', name);

function run(title, command, args) {
  process.stdout.write(`\n=== ${title} ===\n`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  process.stdout.write(`=== ${title}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)}s ===\n`);
  if (result.status !== 0) process.exit(result.status || 1);
}

// Java, Maven, Chromium and openssl first: installed when running as root, else one line says what to install.
if (!require('./prerequisites').ensurePrerequisites()) process.exit(1);

run('type check', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
run('telemetry schema check', process.execPath, ['scripts/telemetry_check.js']);
run('unit tests', bin('jest'), ['--selectProjects', 'unit', '--maxWorkers=2', ...extra]);
run('integration tests', bin('jest'), ['--selectProjects', 'integration', '--runInBand', ...extra]);

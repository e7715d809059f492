'use strict';
/*
 * What `npm test` needs beyond Node and npm: Java 17+ and Maven (the OpenSearch test node is built from
 * Maven Central jars), Debian's Chromium (the browser suites; never downloaded), and the openssl CLI (the
 * TLS test's throwaway certificate). Missing tools are installed with apt-get when running as root on a
 * Debian-like machine; otherwise one line says what to install, and `npm test` stops before any suite.
 */
const { spawnSync } = require('child_process');
const { existsSync } = require('fs');

/** Each tool: how to tell it is there, and Debian's package that brings it. */
const TOOLS = [
  { name: 'Java 17+', package: 'openjdk-17-jdk-headless', present: (probe) => javaMajor(probe) >= 17 },
  { name: 'Maven', package: 'maven', present: (probe) => probe.run('mvn', ['-v']).ok },
  { name: 'Chromium', package: 'chromium', present: (probe) => probe.exists(probe.env.OSD_CHROMIUM_PATH || '/usr/bin/chromium') },
  { name: 'openssl', package: 'openssl', present: (probe) => probe.run('openssl', ['version']).ok },
];

/** The major version `java -version` prints (`openjdk version "17.0.9"`, or `"1.8.0"` → 8), or 0. */
function javaMajor(probe) {
  const { ok, output } = probe.run('java', ['-version']);
  if (!ok) return 0;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(output);
  if (!match) return 0;
  const first = Number(match[1]);
  return first === 1 ? Number(match[2] || 0) : first;
}

/** The tools that are missing, in TOOLS order. Pure given `probe`. */
function missingTools(probe) {
  return TOOLS.filter((tool) => !tool.present(probe));
}

/** What to do about `missing`: nothing, install them (root with apt-get), or stop with one line. Pure. */
function plan(missing, { isRoot, hasAptGet }) {
  if (missing.length === 0) return { action: 'none' };
  const packages = missing.map((tool) => tool.package);
  if (isRoot && hasAptGet) return { action: 'install', packages };
  const names = missing.map((tool) => tool.name).join(', ');
  return {
    action: 'stop',
    message: `npm test needs ${names}: install ${hasAptGet ? `them with: sudo apt-get install -y ${packages.join(' ')}` : `${packages.join(', ')} with your package manager`}, then run npm test again.`,
  };
}

function systemProbe(env = process.env) {
  return {
    env,
    exists: (path) => existsSync(path),
    run: (command, args) => {
      const result = spawnSync(command, args, { encoding: 'utf8' });
      return { ok: !result.error && result.status === 0, output: `${result.stdout || ''}${result.stderr || ''}` };
    },
  };
}

/** Checks, installs when it may, and returns true when everything is there; false after printing why not. */
function ensurePrerequisites({ probe = systemProbe(), log = (line) => process.stdout.write(`${line}\n`) } = {}) {
  const missing = missingTools(probe);
  const decision = plan(missing, { isRoot: typeof process.getuid === 'function' && process.getuid() === 0, hasAptGet: probe.run('apt-get', ['--version']).ok });
  if (decision.action === 'none') return true;
  if (decision.action === 'stop') {
    log(decision.message);
    return false;
  }
  log(`Installing what npm test needs: ${decision.packages.join(' ')} (apt-get)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', ...decision.packages]]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) {
      log(`apt-get ${args[0]} failed (exit ${result.status}): install ${decision.packages.join(' ')} by hand, then run npm test again.`);
      return false;
    }
  }
  const still = missingTools(probe);
  if (still.length > 0) {
    log(`Still missing after apt-get: ${still.map((tool) => tool.name).join(', ')}.`);
    return false;
  }
  return true;
}

module.exports = { TOOLS, javaMajor, missingTools, plan, ensurePrerequisites, systemProbe };

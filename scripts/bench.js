#!/usr/bin/env node
'use strict';
/*
 * `npm run bench`: runs every scenario of bench/scenarios, or the ones named
 * (`npm run bench -- ui_metric_ingest`). Options: `--duration=<s>` and `--warmup=<s>` for load scenarios.
 * Each scenario prints its ratios against its same-run baselines and writes bench/results/<scenario>.json.
 * Benchmarks are not tests: they never fail the build, they report whether each target was met.
 */
const { mkdirSync, readdirSync, writeFileSync } = require('fs');
const os = require('os');
const { join, resolve } = require('path');
require('./register_ts');

const root = resolve(__dirname, '..');
const scenariosDir = join(root, 'bench', 'scenarios');
const resultsDir = join(root, 'bench', 'results');

function parseArgs(argv) {
  const names = [];
  const options = {};
  for (const arg of argv) {
    const flag = /^--([a-z-]+)=(.*)$/.exec(arg);
    if (flag) {
      // --bare-pool=N reaches the scenario as barePool.
      const key = flag[1] === 'duration' ? 'durationS' : flag[1] === 'warmup' ? 'warmupS' : flag[1].replace(/-([a-z])/g, (_, c) => c.toUpperCase());
      options[key] = Number.isNaN(Number(flag[2])) ? flag[2] : Number(flag[2]);
    } else if (arg === '--help' || arg === '-h') {
      options.help = true;
    } else {
      names.push(arg);
    }
  }
  return { names, options };
}

async function main() {
  const available = readdirSync(scenariosDir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => require(join(scenariosDir, f)));
  const { names, options } = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.log('usage: npm run bench -- [scenario ...] [--duration=<s>] [--warmup=<s>] [--rounds=<n>]\n');
    for (const s of available) console.log(`  ${s.name.padEnd(20)} ${s.description}`);
    return;
  }
  const unknown = names.filter((n) => !available.some((s) => s.name === n));
  if (unknown.length) {
    console.error(`unknown scenario(s): ${unknown.join(', ')}; available: ${available.map((s) => s.name).join(', ')}`);
    process.exit(2);
  }
  const chosen = names.length ? available.filter((s) => names.includes(s.name)) : available;
  mkdirSync(resultsDir, { recursive: true });
  const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryBytes: os.totalmem(), node: process.version, platform: `${os.platform()} ${os.release()}` };

  for (const scenario of chosen) {
    console.log(`\n=== ${scenario.name}: ${scenario.description}`);
    const started = new Date();
    const { name, description, run, ...rest } = scenario;
    const result = await run({ ...options, log: (line) => console.log(line) });
    const record = { scenario: name, description, startedAt: started.toISOString(), machine, ...result };
    const file = join(resultsDir, `${name}.json`);
    writeFileSync(file, JSON.stringify(record, null, 2) + '\n');
    for (const line of result.summary) console.log(`  ${line}`);
    for (const [target, t] of Object.entries(result.targets)) console.log(`  ${t.met ? 'met    ' : 'NOT MET'} ${target}`);
    console.log(`  -> ${file}`);
    void rest;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** The one place that says how this repository's TypeScript runs (also what `npm start` loads). */
const REGISTER_TS = join(__dirname, '..', '..', '..', '..', 'scripts', 'register_ts.js');

/**
 * Starts a worker thread on a module given without its extension. A compiled `.js` file runs as is;
 * a TypeScript source (the server runs its sources through esbuild-register, tests through Jest) needs
 * a transpiler in the new thread, which has none yet, so the thread loads `scripts/register_ts.js` first.
 */
export function createWorker(entryWithoutExtension: string, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  const js = `${entryWithoutExtension}.js`;
  if (existsSync(js)) {
    return new Worker(js, options);
  }
  const ts = `${entryWithoutExtension}.ts`;
  if (!existsSync(ts)) {
    throw new Error(`No worker module at ${entryWithoutExtension}.{js,ts}`);
  }
  return new Worker(`require(${JSON.stringify(REGISTER_TS)});require(${JSON.stringify(ts)});`, { ...options, eval: true });
}

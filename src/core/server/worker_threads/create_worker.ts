import { existsSync } from 'node:fs';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread on a module given without its extension. A compiled `.js` file runs as is;
 * a TypeScript source (the server runs its sources through esbuild-register, tests through Jest) needs
 * a transpiler in the new thread, which has none yet, so the thread registers esbuild-register first.
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
  const register = require.resolve('esbuild-register/dist/node');
  const boot =
    `require(${JSON.stringify(register)}).register({ target: 'node20', format: 'cjs', hookIgnoreNodeModules: true });` +
    `require(${JSON.stringify(ts)});`;
  return new Worker(boot, { ...options, eval: true });
}

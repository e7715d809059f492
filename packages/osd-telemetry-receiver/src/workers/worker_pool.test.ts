import { spawnSync } from 'child_process';
import { join } from 'path';
import { Worker } from 'worker_threads';
import { createWorkerPool, PoolBusyError, WorkerTaskError, type WorkerPool } from './worker_pool';

/*
 * A worker speaking the pool's protocol: `{ wait, value }` answers `value` after `wait` ms; `throw` fails
 * the task; `exit` kills the worker mid-task; `hang` never answers. Started from source text (eval) so the
 * test needs no file of its own.
 */
const TEST_WORKER = `
const { parentPort, workerData } = require('worker_threads');
if (workerData && workerData.dieAtStart) process.exit(3);
parentPort.on('message', ({ id, input }) => {
  if (input.exit) process.exit(7);
  if (input.hang) return;
  if (input.throw) return parentPort.postMessage({ id, ok: false, error: input.throw });
  setTimeout(() => parentPort.postMessage({ id, ok: true, value: { value: input.value, thread: require('worker_threads').threadId } }), input.wait || 0);
});`;

type Input = { value?: number; wait?: number; throw?: string; exit?: boolean; hang?: boolean };
type Output = { value: number; thread: number };

describe('createWorkerPool', () => {
  const pools: Array<WorkerPool<Input, Output>> = [];
  const pool = (options: { size?: number; maxQueue?: number; dieAtStart?: boolean } = {}) => {
    let started = 0;
    const p = createWorkerPool<Input, Output>({
      createWorker: () => {
        started++;
        return new Worker(TEST_WORKER, { eval: true, workerData: { dieAtStart: options.dieAtStart } });
      },
      size: options.size ?? 2,
      maxQueue: options.maxQueue,
    });
    pools.push(p);
    return Object.assign(p, { started: () => started });
  };
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((p) => p.close()));
  });

  it('gives every caller its own result, whatever order the workers finish in, and uses all workers', async () => {
    const p = pool({ size: 2 });
    const inputs = Array.from({ length: 12 }, (_, i) => ({ value: i, wait: (12 - i) % 5 }));
    const results = await Promise.all(inputs.map((input) => p.run(input)));
    expect(results.map((r) => r.value)).toEqual(inputs.map((i) => i.value));
    expect(new Set(results.map((r) => r.thread)).size).toBe(2);
  });

  it('rejects a task that fails in its worker with a WorkerTaskError, and the worker goes on', async () => {
    const p = pool({ size: 1 });
    const failed = p.run({ throw: 'not a JWE' });
    const next = p.run({ value: 5 });
    await expect(failed).rejects.toThrow(WorkerTaskError);
    await expect(failed).rejects.toThrow('not a JWE');
    expect((await next).value).toBe(5);
    expect(p.started()).toBe(1);
  });

  it('fails only the task of a worker that dies, replaces the worker and runs what waits', async () => {
    const p = pool({ size: 1 });
    const dying = p.run({ exit: true });
    const waiting = [p.run({ value: 1 }), p.run({ value: 2 })];
    await expect(dying).rejects.toThrow('a worker stopped while running this task (exit code 7)');
    expect((await Promise.all(waiting)).map((r) => r.value)).toEqual([1, 2]);
    expect(p.started()).toBe(2);
  });

  it('stops replacing workers that die before finishing anything, and says so', async () => {
    const p = pool({ size: 1, dieAtStart: true });
    await expect(p.run({ value: 1 })).rejects.toThrow(/stopped|keep stopping/);
    await new Promise((r) => setTimeout(r, 300));
    await expect(p.run({ value: 1 })).rejects.toThrow(/the workers keep stopping \(3 in a row/);
    expect(p.started()).toBe(3);
  });

  it('bounds the queue: beyond maxQueue waiting tasks, run rejects with PoolBusyError', async () => {
    const p = pool({ size: 1, maxQueue: 2 });
    const running = p.run({ value: 0, wait: 50 });
    const queued = [p.run({ value: 1 }), p.run({ value: 2 })];
    await expect(p.run({ value: 3 })).rejects.toThrow(PoolBusyError);
    expect((await Promise.all([running, ...queued])).map((r) => r.value)).toEqual([0, 1, 2]);
    expect((await p.run({ value: 4 })).value).toBe(4);
  });

  it('on close rejects what runs and what waits, stops the workers, and refuses new tasks', async () => {
    const p = pool({ size: 1 });
    const both = Promise.allSettled([p.run({ hang: true }), p.run({ value: 1 })]);
    await p.close();
    const reasons = (await both).map((o) => (o.status === 'rejected' ? (o.reason as Error).message : 'resolved'));
    expect(reasons).toEqual(['the worker pool is closed', 'the worker pool is closed']);
    await expect(p.run({ value: 2 })).rejects.toThrow('the worker pool is closed');
    await p.close();
  });

  it('refuses a pool without workers', () => {
    expect(() => createWorkerPool({ createWorker: () => new Worker(TEST_WORKER, { eval: true }), size: 0 })).toThrow('at least one worker, got size 0');
  });

  it('lets the process exit when idle, before and after a task, without close()', () => {
    // A child process: a pool left open must not keep it alive (a 'message' listener re-refs a worker).
    const script = `
      require(${JSON.stringify(join(__dirname, '..', '..', '..', '..', 'scripts', 'register_ts.js'))});
      const { Worker } = require('worker_threads');
      const { createWorkerPool } = require(${JSON.stringify(join(__dirname, 'worker_pool'))});
      const idle = createWorkerPool({ createWorker: () => new Worker(${JSON.stringify(TEST_WORKER)}, { eval: true }), size: 2 });
      const used = createWorkerPool({ createWorker: () => new Worker(${JSON.stringify(TEST_WORKER)}, { eval: true }), size: 2 });
      used.run({ value: 5 }).then((out) => console.log('answered', out.value));
    `;
    const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 15000 });
    expect(child.error).toBeUndefined();
    expect(child.stdout).toContain('answered 5');
    expect(child.status).toBe(0);
  });
});

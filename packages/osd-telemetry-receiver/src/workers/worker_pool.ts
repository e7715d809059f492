import type { Worker } from 'worker_threads';

/**
 * The message protocol between a pool and its workers: the pool posts `{ id, input }`, the worker answers
 * `{ id, ok: true, value }` or `{ id, ok: false, error }` (a message) for that task. One task per worker
 * at a time: the tasks are CPU-bound (RSA), so more at once would only make each one wait.
 */
export interface WorkerAnswer<O> {
  id: number;
  ok: boolean;
  value?: O;
  error?: string;
}

export interface WorkerPoolOptions {
  /** Starts one worker (the pool starts `size` of them, and a new one for each that dies). */
  createWorker: () => Worker;
  /** Workers; default 2. */
  size?: number;
  /** Tasks waiting for a worker, at most; beyond, `run` rejects with a `PoolBusyError`. Default 256. */
  maxQueue?: number;
  /** Workers that die in a row without finishing a task before the pool gives up (a worker that cannot start). */
  maxConsecutiveDeaths?: number;
}

export interface WorkerPool<I, O> {
  /** The task's result; rejects with a `WorkerTaskError` (the task failed in the worker) or a pool `Error`. */
  run(input: I): Promise<O>;
  /** Rejects the waiting and running tasks and stops the workers. Idempotent. */
  close(): Promise<void>;
  readonly size: number;
}

/** A task that threw in its worker: the worker's message. The worker itself lives on. */
export class WorkerTaskError extends Error {}

/** The queue is full: the caller should answer "busy, retry later". */
export class PoolBusyError extends Error {}

interface Task<I, O> {
  id: number;
  input: I;
  resolve: (value: O) => void;
  reject: (error: Error) => void;
}

interface Slot<I, O> {
  worker: Worker;
  task?: Task<I, O>;
}

/**
 * A fixed pool of worker threads running one kind of task, with a bounded FIFO queue in front. A worker
 * that dies (an exception outside a task, `process.exit`, out of memory) fails only the task it was
 * running and is replaced; a pool whose workers keep dying before finishing anything stops replacing them
 * and fails what waits, so a broken worker script cannot spin. Idle workers do not keep the process alive.
 */
export function createWorkerPool<I, O>({ createWorker, size = 2, maxQueue = 256, maxConsecutiveDeaths = 3 }: WorkerPoolOptions): WorkerPool<I, O> {
  if (!Number.isInteger(size) || size < 1) throw new Error(`a worker pool needs at least one worker, got size ${size}`);
  const queue: Array<Task<I, O>> = [];
  const slots = new Set<Slot<I, O>>();
  let nextId = 1;
  let closed = false;
  let deathsInARow = 0;
  let broken: Error | undefined;

  const dispatch = () => {
    for (const slot of slots) {
      if (queue.length === 0) return;
      if (slot.task) continue;
      const task = queue.shift()!;
      slot.task = task;
      // Held while busy, so a pending task keeps the process alive; let go when idle.
      slot.worker.ref();
      slot.worker.postMessage({ id: task.id, input: task.input });
    }
  };

  const start = () => {
    const slot: Slot<I, O> = { worker: createWorker() };
    let gone = false;
    const died = (reason: string) => {
      if (gone) return;
      gone = true;
      slots.delete(slot);
      const task = slot.task;
      slot.task = undefined;
      if (closed) return;
      task?.reject(new Error(`a worker stopped while running this task (${reason})`));
      deathsInARow++;
      if (deathsInARow >= maxConsecutiveDeaths) {
        broken = new Error(`the workers keep stopping (${deathsInARow} in a row, the last: ${reason})`);
        for (const waiting of queue.splice(0)) waiting.reject(broken);
        return;
      }
      start();
      dispatch();
    };
    slot.worker.on('message', (answer: WorkerAnswer<O>) => {
      const task = slot.task;
      if (!task || answer?.id !== task.id) return;
      slot.task = undefined;
      slot.worker.unref();
      deathsInARow = 0;
      if (answer.ok) task.resolve(answer.value as O);
      else task.reject(new WorkerTaskError(answer.error ?? 'the task failed'));
      dispatch();
    });
    slot.worker.on('error', (error) => died(error.message));
    slot.worker.on('exit', (code) => died(`exit code ${code}`));
    // After the listeners: adding a 'message' listener refs the worker again (Node 20), so an unref made
    // before it would not last, and an idle pool would keep the process alive.
    slot.worker.unref();
    slots.add(slot);
  };

  for (let i = 0; i < size; i++) start();

  return {
    size,
    run(input) {
      if (closed) return Promise.reject(new Error('the worker pool is closed'));
      if (broken) return Promise.reject(broken);
      if (queue.length >= maxQueue) return Promise.reject(new PoolBusyError(`${queue.length} tasks already wait for a worker`));
      return new Promise<O>((resolve, reject) => {
        queue.push({ id: nextId++, input, resolve, reject });
        dispatch();
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      const stopped = new Error('the worker pool is closed');
      for (const waiting of queue.splice(0)) waiting.reject(stopped);
      const running = [...slots];
      for (const slot of running) slot.task?.reject(stopped);
      await Promise.all(running.map((slot) => slot.worker.terminate()));
    },
  };
}

import { once } from 'node:events';
import type { TransferListItem, Worker } from 'node:worker_threads';
import type { Logger } from '../logging/types';
import { createWorker } from './create_worker';
import { deserializeError, type CallerMessage, type SerializedError, type WorkerMessage } from './messages';

/** How long `close` waits for the thread to answer its last calls before terminating it. */
const CLOSE_TIMEOUT_MS = 10_000;

export interface ThreadCallerOptions {
  /** The worker module, without extension; it calls `serveThreadCalls`. */
  entry: string;
  workerData?: unknown;
  /** Names the thread in messages. */
  description: string;
  logger?: Logger;
  /** Rebuilds a failed call's error (say, as the class the caller expects); default `deserializeError`. */
  reviveError?: (error: SerializedError) => Error;
}

interface Pending<TReply> {
  resolve: (reply: TReply) => void;
  reject: (error: Error) => void;
}

/**
 * Calls into a worker thread and gets a promise per call: the way to take CPU-heavy or blocking work
 * (parsing, synchronous SQLite) off the event loop. An idle thread never keeps the process alive.
 * If the thread dies, its pending calls reject and `alive` turns false, so the owner can fall back to
 * doing the work itself.
 */
export class ThreadCaller<TRequest, TReply> {
  private readonly pending = new Map<number, Pending<TReply>>();
  private nextSeq = 0;
  private closing = false;
  private exitError?: Error;

  private constructor(private readonly worker: Worker, private readonly options: ThreadCallerOptions) {
    worker.on('message', (message: WorkerMessage<TReply>) => this.onMessage(message));
    worker.on('error', (error) => this.onExit(error));
    worker.on('exit', (code) => this.onExit(new Error(`exited with code ${code}`)));
    worker.unref();
  }

  /** Starts the thread and waits until it is ready (its `open` done). */
  public static async start<TRequest, TReply>(options: ThreadCallerOptions): Promise<ThreadCaller<TRequest, TReply>> {
    const worker = createWorker(options.entry, { workerData: options.workerData });
    const first = await new Promise<WorkerMessage<TReply>>((resolve, reject) => {
      const settle = (fn: () => void) => {
        worker.off('message', onMessage).off('error', onError).off('exit', onEarlyExit);
        fn();
      };
      const onMessage = (message: WorkerMessage<TReply>) => settle(() => resolve(message));
      const onError = (error: Error) => settle(() => reject(error));
      const onEarlyExit = (code: number) => settle(() => reject(new Error(`${options.description} exited with code ${code}`)));
      worker.on('message', onMessage).on('error', onError).on('exit', onEarlyExit);
    });
    if (first.type !== 'ready') {
      await worker.terminate();
      throw first.type === 'failed' ? (options.reviveError ?? deserializeError)(first.error) : new Error(`${options.description} sent ${first.type} first`);
    }
    return new ThreadCaller<TRequest, TReply>(worker, options);
  }

  /** True while calls can be sent. */
  public get alive() {
    return !this.exitError && !this.closing;
  }

  public call(request: TRequest, transfer?: readonly TransferListItem[]): Promise<TReply> {
    if (!this.alive) {
      return Promise.reject(new Error(`${this.options.description} is not running`));
    }
    const seq = this.nextSeq++;
    return new Promise<TReply>((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      if (this.pending.size === 1) this.worker.ref();
      this.worker.postMessage({ type: 'call', seq, request } satisfies CallerMessage<TRequest>, transfer);
    });
  }

  /** Lets the calls already sent finish, then runs the worker's `close` and ends the thread. */
  public async close() {
    if (this.closing) return;
    this.closing = true;
    if (this.exitError) return;
    const exited = once(this.worker, 'exit');
    this.worker.ref();
    this.worker.postMessage({ type: 'close' } satisfies CallerMessage<TRequest>);
    const timer = setTimeout(() => void this.worker.terminate(), CLOSE_TIMEOUT_MS);
    try {
      await exited;
    } finally {
      clearTimeout(timer);
    }
  }

  private onMessage(message: WorkerMessage<TReply>) {
    if (message.type !== 'reply' && message.type !== 'error') return;
    const call = this.pending.get(message.seq);
    if (!call) return;
    this.pending.delete(message.seq);
    if (this.pending.size === 0 && !this.closing) this.worker.unref();
    if (message.type === 'reply') call.resolve(message.reply);
    else call.reject((this.options.reviveError ?? deserializeError)(message.error));
  }

  private onExit(error: Error) {
    if (this.exitError) return;
    this.exitError = error;
    if (!this.closing) {
      this.options.logger?.error(`${this.options.description} stopped: ${error.message}`);
    }
    for (const call of this.pending.values()) {
      call.reject(new ThreadStoppedError(`${this.options.description} stopped before answering: ${error.message}`, error));
    }
    this.pending.clear();
  }
}

/** A call whose thread died first: the work may or may not have been done. */
export class ThreadStoppedError extends Error {
  constructor(message: string, cause: unknown) {
    super(message, { cause });
    this.name = 'ThreadStoppedError';
  }
}

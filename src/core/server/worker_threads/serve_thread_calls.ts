import { parentPort } from 'node:worker_threads';
import { serializeError, type CallerMessage, type WorkerMessage } from './messages';

export interface ThreadCallHandlers<TRequest, TReply> {
  /** Prepares the thread (opens files...); a throw is reported to `ThreadCaller.start`. */
  open?(): Promise<void> | void;
  /** Answers one call; a throw becomes the call's rejection. */
  handle(request: TRequest): Promise<TReply> | TReply;
  /** Runs on `ThreadCaller.close`, after every call already sent has been answered. */
  close?(): Promise<void> | void;
}

/**
 * The worker side of a ThreadCaller: answers calls one at a time, in arrival order, so a call that
 * opens a transaction never overlaps another. Call once, from the worker module's top level.
 */
export function serveThreadCalls<TRequest, TReply>(handlers: ThreadCallHandlers<TRequest, TReply>) {
  const port = parentPort;
  if (!port) {
    throw new Error('serveThreadCalls must run in a worker thread');
  }
  const post = (message: WorkerMessage<TReply>) => port.postMessage(message);
  void (async () => {
    try {
      await handlers.open?.();
    } catch (error) {
      post({ type: 'failed', error: serializeError(error) });
      return;
    }
    let queue = Promise.resolve();
    port.on('message', (message: CallerMessage<TRequest>) => {
      if (message.type === 'close') {
        queue = queue.then(async () => {
          await handlers.close?.();
          port.close();
        });
        return;
      }
      queue = queue.then(async () => {
        try {
          post({ type: 'reply', seq: message.seq, reply: await handlers.handle(message.request) });
        } catch (error) {
          post({ type: 'error', seq: message.seq, error: serializeError(error) });
        }
      });
    });
    post({ type: 'ready' });
  })();
}

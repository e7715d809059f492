import type { BulkItemResult, BulkOperation } from './bulk';

export interface GroupCommitOptions {
  /** Most operations in one `_bulk`. */
  maxOperations?: number;
  /** Most payload bytes (as the callers weigh them) in one `_bulk`, so a group stays under the node's request limit. */
  maxBytes?: number;
  /**
   * Calls already on their way (reports still being decrypted and checked): the next request waits for
   * them, at most `maxWaitMs`, so it carries them instead of leaving them to a request of their own. A
   * request costs the cluster a fixed amount (shard tasks, translog syncs) however few reports it holds.
   * Without it, a request leaves as soon as the one before it is answered.
   */
  expected?: () => number;
  /** Longest a queued call waits for the expected ones; default 5 ms. */
  maxWaitMs?: number;
}

interface Waiting {
  operations: BulkOperation[];
  bytes: number;
  resolve: (results: BulkItemResult[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Groups concurrent writes into shared `_bulk` requests: one request is in flight at a time, and the
 * operations of the calls made meanwhile go out together in the next one. Many reports arriving at once
 * then cost the cluster one request (one translog sync) instead of one each. Every caller gets the results
 * of its own operations, in order; a failed request rejects the callers of that request only.
 */
export function createGroupCommit(
  send: (operations: BulkOperation[]) => Promise<BulkItemResult[]>,
  { maxOperations = 3000, maxBytes = 8 * 1024 * 1024, expected, maxWaitMs = 5 }: GroupCommitOptions = {}
): (operations: BulkOperation[], bytes?: number) => Promise<BulkItemResult[]> {
  const queue: Waiting[] = [];
  let running = false;
  let wake: (() => void) | undefined;

  const queuedOperations = () => queue.reduce((n, w) => n + w.operations.length, 0);
  /** Waits while calls are on their way and the next group has room, until the deadline. */
  const gatherExpected = async () => {
    if (!expected) return;
    const deadline = Date.now() + maxWaitMs;
    while (expected() > 0 && queuedOperations() < maxOperations) {
      const left = deadline - Date.now();
      if (left <= 0) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  };

  const takeGroup = (): Waiting[] => {
    // At least one call, however large; then as many as fit.
    const group = [queue.shift()!];
    let operations = group[0].operations.length;
    let bytes = group[0].bytes;
    while (queue.length > 0 && operations + queue[0].operations.length <= maxOperations && bytes + queue[0].bytes <= maxBytes) {
      const next = queue.shift()!;
      operations += next.operations.length;
      bytes += next.bytes;
      group.push(next);
    }
    return group;
  };

  const drain = async () => {
    running = true;
    while (queue.length > 0) {
      // Only when something is on its way: otherwise the group is taken in this very turn, as before.
      if (expected && expected() > 0) await gatherExpected();
      const group = takeGroup();
      try {
        const results = await send(group.flatMap((w) => w.operations));
        let at = 0;
        for (const w of group) {
          w.resolve(results.slice(at, at + w.operations.length));
          at += w.operations.length;
        }
      } catch (error) {
        for (const w of group) w.reject(error);
      }
    }
    running = false;
  };

  return (operations, bytes = 0) =>
    new Promise<BulkItemResult[]>((resolve, reject) => {
      queue.push({ operations, bytes, resolve, reject });
      if (!running) void drain();
      else wake?.();
    });
}

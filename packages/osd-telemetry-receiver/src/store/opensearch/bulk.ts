import type { Client } from '@opensearch-project/opensearch';

/** One `_bulk` action and its document (or partial update), as the API takes them. */
export type BulkOperation = [Record<string, unknown>, Record<string, unknown>];

export interface BulkItemResult {
  status: number;
  error?: { type?: string; reason?: string };
}

/** Statuses a later try may fix: the node is busy, or a shard is moving. */
const RETRYABLE = new Set([429, 502, 503, 504]);

export interface BulkOptions {
  /** Tries in all, for a whole request that fails and for items that fail retryably. */
  attempts?: number;
  /** First pause between tries, doubled each time. */
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Sends `operations` with `_bulk` and retries what failed retryably (the whole request on a connection
 * error or a 5xx; single items on 429/5xx), with backoff. Safe to retry because every operation is
 * idempotent: reports are `create`d under an id made from their identity, and the updates are
 * compare-and-set scripts. Resolves with one result per operation, in order; rejects when a try of the
 * whole request still fails at the end.
 */
export async function bulkWithRetries(client: Client, operations: BulkOperation[], { attempts = 4, baseDelayMs = 200, sleep = defaultSleep }: BulkOptions = {}): Promise<BulkItemResult[]> {
  const results: Array<BulkItemResult | undefined> = new Array(operations.length).fill(undefined);
  let pending = operations.map((_, i) => i);
  for (let attempt = 1; ; attempt++) {
    let items: any[] | undefined;
    try {
      const response = await client.bulk({ body: pending.flatMap((i) => operations[i]) as any });
      items = (response.body as any).items;
    } catch (error) {
      const status = (error as { meta?: { statusCode?: number } }).meta?.statusCode;
      if (attempt >= attempts || (status !== undefined && !RETRYABLE.has(status) && status < 500)) throw error;
    }
    if (items) {
      const retry: number[] = [];
      items.forEach((item, k) => {
        const result = Object.values(item)[0] as BulkItemResult;
        if (RETRYABLE.has(result.status) && attempt < attempts) retry.push(pending[k]);
        else results[pending[k]] = { status: result.status, ...(result.error ? { error: result.error } : {}) };
      });
      pending = retry;
      if (pending.length === 0) return results as BulkItemResult[];
    }
    await sleep(baseDelayMs * 2 ** (attempt - 1));
  }
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Throws unless the item succeeded or is one of `accepted` (e.g. 409 for a `create` that already exists). */
export function expectItem(item: BulkItemResult, what: string, accepted: number[] = []): void {
  if ((item.status >= 200 && item.status < 300) || accepted.includes(item.status)) return;
  throw new Error(`${what} failed (${item.status}): ${item.error?.type ?? ''} ${item.error?.reason ?? ''}`.trim());
}

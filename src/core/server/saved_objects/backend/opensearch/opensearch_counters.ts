import type { Client } from '@opensearch-project/opensearch';
import type { Logger } from '../../../logging/types';
import {
  SavedObjectsBackendError,
  withCounterOutcomes,
  type SavedObjectsBackendCounterOperation,
  type SavedObjectsBackendCounterResult,
  type SavedObjectsRawDocSource,
  type SavedObjectsStoredDoc,
} from '../types';
import { assertCountersApplicable, counterUpdateBody } from './counter_script';
import type { CounterWriter } from './counter_writer';
import {
  CLIENT_CONFLICT_ATTEMPTS,
  RETRY_ON_CONFLICT,
  sleep,
  stored,
  type BulkItem,
  type WireDoc,
} from './opensearch_docs';
import { callOpenSearch, fromOpenSearchError } from './opensearch_errors';

export interface CounterBatchOptions {
  client: Client;
  index: string;
  refresh: 'wait_for' | boolean;
  ops: SavedObjectsBackendCounterOperation[];
  /** Numbers this process's counter bulks per lane (exactly-once under client retries). */
  writer: CounterWriter;
  logger?: Logger;
}

/** The outcome of one counter operation sent in a `_bulk`. */
export type CounterItemResult = SavedObjectsBackendCounterResult;

/**
 * Sends counter operations as ONE `_bulk` of scripted updates and reports each item. Items on the
 * same document apply in order on its shard, so repeats in a batch never conflict with each other.
 * Items that lost a race with another writer (409 once the server's own retries are spent) were not
 * applied, so they are sent again in a follow-up `_bulk`, up to CLIENT_CONFLICT_ATTEMPTS rounds.
 * Throws only when the request as a whole fails (cluster unreachable...).
 */
export async function sendCounterItems(
  options: Omit<CounterBatchOptions, 'logger'>
): Promise<CounterItemResult[]> {
  const { client, index, refresh, ops, writer } = options;
  const results: CounterItemResult[] = new Array(ops.length);
  let pending = ops.map((_, i) => i);
  for (let round = 1; pending.length > 0; round++) {
    const { body: response } = await writer.run((lane) => {
      const t = Date.now();
      const body = pending.flatMap((i, k) => [
        { update: { _id: ops[i].id, retry_on_conflict: RETRY_ON_CONFLICT } },
        counterUpdateBody(ops[i], { ...lane, k, t }),
      ]);
      return callOpenSearch(undefined, () => client.bulk({ index, refresh, body }));
    });
    const retry: number[] = [];
    response.items.forEach((entry, k) => {
      const i = pending[k];
      const item = entry.update as unknown as BulkItem;
      if (!item.error) {
        results[i] = { ok: true, doc: stored(ops[i].id, item.get?._source ?? ops[i].upsert, item) };
      } else if (item.status === 409 && round < CLIENT_CONFLICT_ATTEMPTS) {
        retry.push(i);
      } else {
        const error =
          fromOpenSearchError(item.status, item.error, ops[i].id) ??
          new Error(`[${ops[i].id}]: ${item.status} ${JSON.stringify(item.error)}`);
        results[i] = { ok: false, error };
      }
    });
    pending = retry;
    if (pending.length > 0) {
      await sleep(Math.random() * 20 * round);
    }
  }
  return results;
}

/**
 * incrementCounters: many increments with ONE `_bulk` (plus one `mget` before it).
 *
 * Atomicity, compared with SQLite's single transaction:
 * - the `mget` first checks every targeted counter, so a batch with an operation bound to fail
 *   (a counter holding text) is refused before anything is written, as SQLite refuses it;
 * - but `_bulk` is not a transaction: an item failing inside it for another reason (a write
 *   another client made between the check and the bulk, a mapping conflict, a rejected or
 *   timed-out shard operation) leaves the other items applied. The call then throws that item's
 *   error, saying how many increments were kept, and logs a warning. Increments are not undone:
 *   compensating writes would race with other writers and could lose their counts.
 */
export async function applyCounterBatch(options: CounterBatchOptions): Promise<SavedObjectsStoredDoc[]> {
  const { client, index, ops, logger } = options;
  assertCountersApplicable(ops, await currentSources(client, index, ops));
  const results = await sendCounterItems(options);
  const failures = results.flatMap((r) => (r.ok ? [] : [r.error]));
  if (failures.length > 0) {
    const applied = results.length - failures.length;
    logger?.warn(
      `incrementCounters: ${failures.length} of ${ops.length} increments failed and ${applied} were applied; ` +
        `first failure: ${failures[0].message}`
    );
    // Which items were applied: the group commit settles each caller by its own, and retries none.
    throw withCounterOutcomes(partialFailure(failures[0], failures.length, ops.length, applied), results);
  }
  return results.map((r) => (r as { ok: true; doc: SavedObjectsStoredDoc }).doc);
}

/** The current attributes of every document the batch targets (only the types concerned). */
async function currentSources(
  client: Client,
  index: string,
  ops: SavedObjectsBackendCounterOperation[]
): Promise<Map<string, SavedObjectsRawDocSource>> {
  const typesById = new Map<string, Set<string>>();
  for (const op of ops) {
    const types = typesById.get(op.id) ?? new Set<string>();
    types.add(op.type);
    typesById.set(op.id, types);
  }
  const docs = [...typesById].map(([id, types]) => ({ _id: id, _source: [...types] }));
  const { body } = await callOpenSearch(undefined, () => client.mget({ index, body: { docs } }));
  const sources = new Map<string, SavedObjectsRawDocSource>();
  for (const doc of body.docs as unknown as WireDoc[]) {
    if (doc.found && doc._source) {
      sources.set(doc._id, doc._source);
    }
  }
  return sources;
}

/** The first failed item's error, keeping its reason and id, with the batch's outcome added. */
function partialFailure(error: Error, failed: number, total: number, applied: number): Error {
  const detail = `${failed} of ${total} increments failed; ${applied} were applied and are kept (a _bulk is not atomic)`;
  if (error instanceof SavedObjectsBackendError) {
    return new SavedObjectsBackendError(error.reason, `${error.message} (${detail})`, error.id, {
      cause: error,
    });
  }
  return new Error(`${error.message} (${detail})`, { cause: error });
}

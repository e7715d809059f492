import type { Logger } from '../../logging/types';
import {
  counterOutcomesOf,
  SavedObjectsBackendError,
  type SavedObjectsBackend,
  type SavedObjectsBackendCounterOperation,
  type SavedObjectsBackendCounterResult,
  type SavedObjectsStoredDoc,
} from '../backend/types';
import { toClientError } from '../repository/backend_errors';
import { toCounterOperation } from '../repository/counter_operations';
import { buildCreateItem, idFromRawId } from '../repository/raw_doc_conversion';
import type { ISavedObjectTypeRegistry } from '../saved_objects_type_registry';
import { CounterBatch, type CounterGroup } from './counter_batch';
import type { SavedObjectsCommittedCountersListener, SavedObjectsCounterIncrements, SavedObjectsCounters, SavedObjectsCounterSet } from './types';

/** Operations one commit carries at most; calls arriving past it wait for the next commit. */
export const MAX_BATCH_OPERATIONS = 5000;

interface Caller {
  /** A merged call (the port's `increment`)... */
  set?: SavedObjectsCounterSet;
  /** ...or a single operation whose caller wants its stored document (its position among the singles). */
  single?: { op: SavedObjectsBackendCounterOperation; at: number };
  resolve: (doc?: SavedObjectsStoredDoc) => void;
  reject: (error: unknown) => void;
  failed?: unknown;
  doc?: SavedObjectsStoredDoc;
}

/** A call to store alone after a failed commit, with what of it is left to store. */
interface Retry {
  caller: Caller;
  set?: SavedObjectsCounterSet;
}

interface Pending {
  batch: CounterBatch;
  callers: Caller[];
  lingerMs: number;
}

export interface CounterGroupCommitOptions {
  backend: Pick<SavedObjectsBackend, 'incrementCounters' | 'bulkCreate'>;
  registry: ISavedObjectTypeRegistry;
  logger?: Logger;
  now?: () => Date;
}

/** The store is away (not this call wrong): retrying calls one by one would only wait longer. */
const isUnavailable = (error: unknown) =>
  error instanceof SavedObjectsBackendError && (error.reason === 'unavailable' || error.reason === 'too_many_requests');

/**
 * The one group commit of counters, for every store. Calls made while a commit is in flight gather in
 * the next batch (merged: see CounterBatch), which is written with ONE `backend.incrementCounters` as soon
 * as the store is free: so the slower the store, the larger the batches, and N concurrent increments of
 * one document never race each other (OpenSearch would exhaust any retry_on_conflict). A call resolves
 * only once the commit holding it is durable.
 *
 * Failures: when the store is away (unavailable, 429) every call of the batch fails at once. When the
 * backend says which operations were applied (OpenSearch's `_bulk` is not atomic) each call is settled by
 * its own operations: what was applied is never sent again (it would count twice), what was not is
 * retried alone (see `settleByOutcomes`). Otherwise (SQLite rolled the whole transaction back) the calls
 * are retried one by one, so only the ones touching a bad document fail. Commit sums are created after
 * the counters of their calls are stored, once.
 */
export class CounterGroupCommit implements SavedObjectsCounters {
  private readonly queue: Pending[] = [];
  private committing?: Promise<void>;
  private scheduled = false;
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private readonly listeners = new Set<{ type: string; field: string; listener: SavedObjectsCommittedCountersListener }>();
  private readonly now: () => Date;
  private readonly isKnownType = (type: string) => this.options.registry.getType(type) !== undefined;

  constructor(private readonly options: CounterGroupCommitOptions) {
    this.now = options.now ?? (() => new Date());
  }

  public increment(set: SavedObjectsCounterSet): Promise<void> {
    if (this.stopped) return Promise.reject(toClientError(SavedObjectsBackendError.unavailable('the saved objects store is closing'), 'counters', 'increment'));
    if (isEmpty(set)) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const caller: Caller = { set, resolve: resolve as Caller['resolve'], reject };
      const pending = this.pendingFor(set.lingerMs ?? 0);
      pending.batch.add(set, caller, this.isKnownType);
      pending.callers.push(caller);
      this.schedule();
    });
  }

  /** One operation in the next commit, resolving to its document as stored (the repository's `incrementCounter`). */
  public incrementOne(op: SavedObjectsBackendCounterOperation): Promise<SavedObjectsStoredDoc> {
    if (this.stopped) return Promise.reject(SavedObjectsBackendError.unavailable('the saved objects store is closing'));
    return new Promise<SavedObjectsStoredDoc>((resolve, reject) => {
      const pending = this.pendingFor(0);
      pending.callers.push({ single: { op, at: pending.batch.addSingle(op) }, resolve: resolve as Caller['resolve'], reject });
      this.schedule();
    });
  }

  public onCommitted(type: string, counterFieldName: string, listener: SavedObjectsCommittedCountersListener) {
    const entry = { type, field: counterFieldName, listener };
    this.listeners.add(entry);
    return () => void this.listeners.delete(entry);
  }

  public async flush() {
    while (this.committing || this.queue.length > 0) {
      await (this.committing ?? this.commitNext());
    }
  }

  /** Commits what is pending, then refuses new calls (as the store's unavailable error). */
  public async stop() {
    this.stopped = true;
    await this.flush();
  }

  /** The batch a call joins: the last one, unless it is full. */
  private pendingFor(lingerMs: number): Pending {
    const last = this.queue[this.queue.length - 1];
    if (last && last.batch.size < MAX_BATCH_OPERATIONS) return last;
    const pending = { batch: new CounterBatch(), callers: [], lingerMs };
    this.queue.push(pending);
    return pending;
  }

  /** The next commit starts at the end of this I/O phase (every request already read joins it), or after its linger. */
  private schedule() {
    if (this.committing || this.scheduled) return;
    this.scheduled = true;
    const lingerMs = this.queue[0]?.lingerMs ?? 0;
    if (lingerMs > 0) this.timer = setTimeout(() => void this.commitNext(), lingerMs);
    else setImmediate(() => void this.commitNext());
  }

  private commitNext(): Promise<void> {
    this.scheduled = false;
    clearTimeout(this.timer);
    if (this.committing) return this.committing;
    const pending = this.queue.shift();
    if (!pending) return Promise.resolve();
    const committing: Promise<void> = this.commit(pending).finally(() => {
      // `commit` hands over to the next batch itself; this only matters if it threw before that.
      if (this.committing !== committing) return;
      this.committing = undefined;
      if (this.queue.length > 0) this.schedule();
    });
    this.committing = committing;
    return committing;
  }

  private async commit({ batch, callers }: Pending) {
    const time = this.now();
    const iso = time.toISOString();
    try {
      await this.write(batch, callers, iso);
      this.notify(batch, time);
    } catch (error) {
      const outcomes = counterOutcomesOf(error);
      if (outcomes) await this.retryOneByOne(this.settleByOutcomes(batch, callers, outcomes, error, time), error as Error, time);
      else if (callers.length === 1 || isUnavailable(error)) for (const caller of callers) caller.failed = error;
      else await this.retryOneByOne(callers.map((caller) => ({ caller, set: caller.set })), error as Error, time);
    }
    await this.createSums(batch, callers, iso);
    // The store is free: the batch gathered meanwhile starts now, before this one's answers go out.
    this.committing = undefined;
    if (this.queue.length > 0) {
      if (this.queue[0].lingerMs > 0) this.schedule();
      else void this.commitNext();
    }
    for (const caller of callers) {
      if (caller.failed === undefined) caller.resolve(caller.doc);
      else caller.reject(caller.set ? this.clientError(caller.set, caller.failed) : caller.failed);
    }
  }

  /** One backend write of the batch's counters; hands each single its document. */
  private async write(batch: CounterBatch, callers: Caller[], iso: string) {
    if (batch.size === 0) return;
    const { registry } = this.options;
    const ops = batch.operations((group, entry) =>
      toCounterOperation(registry, { type: group.type, id: entry.id, counterFieldName: group.counterFieldName, incrementBy: entry.incrementBy, upsertAttributes: entry.upsertAttributes }, iso)
    );
    const returnDocs = batch.singles.length > 0;
    const docs = await this.options.backend.incrementCounters(ops, { returnDocs });
    if (!returnDocs) return;
    const start = batch.singlesStart;
    for (const caller of callers) if (caller.single) caller.doc = docs[start + caller.single.at];
  }

  /**
   * After a partly applied write: a call whose operations were all applied is done; a single whose own
   * operation failed gets its error. A merged operation that failed may have failed for its sum alone (an
   * OpenSearch `integer` field refuses 2^31), so the calls that raised it are retried alone with only
   * their counters that were not applied; the applied ones are never sent again (they would count twice).
   */
  private settleByOutcomes(batch: CounterBatch, callers: Caller[], outcomes: SavedObjectsBackendCounterResult[], error: unknown, time: Date) {
    const applied = (index: number) => outcomes[index]?.ok === true;
    const retries: Retry[] = [];
    for (const caller of callers) {
      if (caller.single) {
        const outcome = outcomes[batch.singlesStart + caller.single.at];
        if (outcome?.ok) caller.doc = outcome.doc;
        else caller.failed = outcome?.error ?? error;
        continue;
      }
      const set = caller.set!;
      const notApplied = (group: SavedObjectsCounterIncrements) => {
        const entries = batch.group(group.type, group.counterFieldName)?.entries;
        return group.counters.filter((c) => !applied(entries?.get(c.id)?.index ?? -1));
      };
      const rest = set.increments.map((group) => ({ ...group, counters: notApplied(group) }));
      if (rest.some((group) => group.counters.length > 0)) retries.push({ caller, set: { increments: rest.filter((g) => g.counters.length > 0), sums: set.sums } });
    }
    this.notify(batch, time, applied);
    return retries;
  }

  /** Each call alone, in order (a set: only what is given; a single: its operation), until the store is away. */
  private async retryOneByOne(retries: Retry[], cause: Error, time: Date) {
    if (retries.length === 0) return;
    this.options.logger?.warn(`A counter commit failed (${cause.message}); storing ${retries.length} of its calls one by one`);
    const iso = time.toISOString();
    let away: unknown;
    for (const { caller, set } of retries) {
      if (away !== undefined) {
        caller.failed = away;
        continue;
      }
      const alone = new CounterBatch();
      try {
        if (set) alone.add(set, caller, this.isKnownType);
        else caller.single!.at = alone.addSingle(caller.single!.op);
        await this.write(alone, [caller], iso);
        this.notify(alone, time);
      } catch (error) {
        caller.failed = error;
        if (isUnavailable(error)) away = error;
      }
    }
  }

  /** One document per type and key for the calls whose counters are stored; a failure fails those calls (never retried: their counters are in). */
  private async createSums(batch: CounterBatch, callers: Caller[], iso: string) {
    if (batch.sums.size === 0) return;
    const withSums = callers.filter((c) => c.failed === undefined && c.set?.sums && c.set.sums.length > 0);
    if (withSums.length === 0) return;
    // Only the sums of calls that succeeded: rebuilt when some failed.
    let sums = batch;
    if (withSums.length < callers.filter((c) => c.set?.sums && c.set.sums.length > 0).length) {
      sums = new CounterBatch();
      for (const caller of withSums) sums.add({ increments: [], sums: caller.set!.sums }, caller, this.isKnownType);
    }
    try {
      const items = sums.sumDocuments(iso).map((doc) => buildCreateItem(this.options.registry, doc, false, iso).item);
      const results = await this.options.backend.bulkCreate(items);
      const failed = results.find((r) => !r.ok);
      if (failed && !failed.ok) throw failed.error;
    } catch (error) {
      for (const caller of withSums) caller.failed = error;
    }
  }

  private notify(batch: CounterBatch, time: Date, applied?: (index: number) => boolean) {
    for (const { type, field, listener } of this.listeners) {
      const group = batch.group(type, field);
      if (!group || group.entries.size === 0) continue;
      try {
        listener(applied ? filterApplied(group, applied) : group.entries.values(), time);
      } catch (error) {
        this.options.logger?.error(`A listener of committed [${type}] counters failed: ${(error as Error).stack ?? error}`);
      }
    }
  }

  /** A client error naming the object concerned (the one the backend named, else the call's first). */
  private clientError(set: SavedObjectsCounterSet, error: unknown) {
    const rawId = (error as { id?: unknown })?.id;
    const group = (typeof rawId === 'string' && set.increments.find((g) => rawId.startsWith(`${g.type}:`))) || set.increments[0];
    if (!group) return toClientError(error, 'counters', 'increment');
    const id = typeof rawId === 'string' ? idFromRawId(group.type, rawId) : group.counters[0]?.id ?? '';
    return toClientError(error, group.type, id);
  }
}

/** Nothing to store (a plain loop: this runs for every call). */
function isEmpty(set: SavedObjectsCounterSet) {
  if (set.sums !== undefined && set.sums.length > 0) return false;
  for (let i = 0; i < set.increments.length; i++) if (set.increments[i].counters.length > 0) return false;
  return true;
}

function* filterApplied(group: CounterGroup, applied: (index: number) => boolean) {
  for (const entry of group.entries.values()) if (applied(entry.index)) yield entry;
}

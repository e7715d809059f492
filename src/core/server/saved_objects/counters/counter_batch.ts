import type { SavedObjectsBackendCounterOperation } from '../backend/types';
import { MAX_COUNTER_VALUE } from '../backend/counter_values';
import { isPlainObject } from '../backend/merge_partial';
import { SavedObjectsErrorHelpers } from '../errors';
import type { SavedObjectsCommitSum, SavedObjectsCounterIncrements, SavedObjectsCounterSet } from './types';

/** One merged counter of a batch. */
export interface CounterEntry {
  id: string;
  incrementBy: number;
  upsertAttributes?: Record<string, unknown>;
  /** The call that brought it into the batch (undoing that call removes it). */
  owner: unknown;
  /** Its operation's position in the batch's write (set by `operations`). */
  index: number;
}

export interface CounterGroup {
  type: string;
  counterFieldName: string;
  entries: Map<string, CounterEntry>;
}

interface SumEntry {
  type: string;
  keyField: string;
  key: string;
  values: Record<string, number>;
  timeField?: string;
}

// The message as is (no ": Bad Request" suffix): it is what an HTTP caller such as the ui-metric route answers.
const overflow = (what: string) =>
  SavedObjectsErrorHelpers.decorateBadRequestError(
    new Error(`The increments would raise ${what} past ${MAX_COUNTER_VALUE} in one commit; none of this call's increments were stored`)
  );

const badArgument = (message: string) => SavedObjectsErrorHelpers.createBadRequestError(message);

/**
 * The increments gathered for one commit: counters merged per type, field and id (one operation each,
 * however many calls raise them), single increments whose callers want their own stored document (kept
 * apart, in order), and commit sums merged per type and key. `add` keeps every sum within
 * ±Number.MAX_SAFE_INTEGER, refusing a call whole: merging is O(the call's counters) and allocates only
 * for counters new to the batch.
 */
export class CounterBatch {
  /** By type, then counter field. */
  public readonly groups = new Map<string, Map<string, CounterGroup>>();
  /** By type, then key. */
  public readonly sums = new Map<string, Map<string, SumEntry>>();
  public readonly singles: SavedObjectsBackendCounterOperation[] = [];
  /** Operations the batch will write. */
  public size = 0;

  /** Merges `set`, or throws a 400 client error and leaves the batch as it was. */
  public add(set: SavedObjectsCounterSet, owner: unknown, isKnownType: (type: string) => boolean) {
    const sums = set.sums && set.sums.length > 0 ? this.checkSums(set.sums, isKnownType) : undefined;
    const { increments } = set;
    for (let g = 0; g < increments.length; g++) {
      try {
        this.mergeGroup(increments[g], owner, isKnownType);
      } catch (error) {
        for (let u = 0; u < g; u++) this.undoGroup(increments[u], owner, increments[u].counters.length);
        throw error;
      }
    }
    if (sums) this.applySums(set.sums!, sums);
  }

  /** Adds one operation of its own; returns its position among the singles. */
  public addSingle(op: SavedObjectsBackendCounterOperation) {
    this.size++;
    return this.singles.push(op) - 1;
  }

  /** The batch's write: one operation per merged counter, then the singles; numbers each entry. */
  public operations(build: (group: CounterGroup, entry: CounterEntry) => SavedObjectsBackendCounterOperation) {
    const ops: SavedObjectsBackendCounterOperation[] = [];
    for (const byField of this.groups.values()) {
      for (const group of byField.values()) {
        for (const entry of group.entries.values()) {
          entry.index = ops.length;
          ops.push(build(group, entry));
        }
      }
    }
    return ops.concat(this.singles);
  }

  /** The position of the first single's operation in `operations()`. */
  public get singlesStart() {
    return this.size - this.singles.length;
  }

  /** The attributes of the documents the sums create, one per type and key. */
  public sumDocuments(time: string): Array<{ type: string; attributes: Record<string, unknown> }> {
    const docs = [];
    for (const byKey of this.sums.values()) {
      for (const sum of byKey.values()) {
        const attributes: Record<string, unknown> = { [sum.keyField]: sum.key, ...sum.values };
        if (sum.timeField) attributes[sum.timeField] = time;
        docs.push({ type: sum.type, attributes });
      }
    }
    return docs;
  }

  public group(type: string, counterFieldName: string): CounterGroup | undefined {
    return this.groups.get(type)?.get(counterFieldName);
  }

  private mergeGroup(increments: SavedObjectsCounterIncrements, owner: unknown, isKnownType: (type: string) => boolean) {
    const { type, counterFieldName, counters } = increments;
    if (typeof type !== 'string' || !isKnownType(type)) throw SavedObjectsErrorHelpers.createUnsupportedTypeError(String(type));
    if (typeof counterFieldName !== 'string' || counterFieldName.length === 0) throw badArgument('"counterFieldName" must be a non-empty string');
    if (!Array.isArray(counters)) throw badArgument('"counters" must be an array');
    let byField = this.groups.get(type);
    let group = byField?.get(counterFieldName);
    if (!group) {
      group = { type, counterFieldName, entries: new Map() };
      if (!byField) this.groups.set(type, (byField = new Map()));
      byField.set(counterFieldName, group);
    }
    const { entries } = group;
    for (let i = 0; i < counters.length; i++) {
      const { id, incrementBy, upsertAttributes } = counters[i];
      let problem: Error | undefined;
      if (typeof id !== 'string' || id.length === 0) problem = badArgument('"id" must be a non-empty string');
      else if (!Number.isSafeInteger(incrementBy)) problem = badArgument(`"incrementBy" must be a safe integer, got ${String(incrementBy)} for [${type}:${id}]`);
      else if (upsertAttributes !== undefined && !isPlainObject(upsertAttributes)) problem = badArgument('"upsertAttributes" must be an object when given');
      const entry = problem ? undefined : entries.get(id);
      const sum = (entry?.incrementBy ?? 0) + incrementBy;
      if (!problem && (sum > MAX_COUNTER_VALUE || sum < -MAX_COUNTER_VALUE)) problem = overflow(`counter [${type}:${id}] (${counterFieldName})`);
      if (problem) {
        this.undoGroup(increments, owner, i);
        throw problem;
      }
      if (entry) {
        entry.incrementBy = sum;
      } else {
        entries.set(id, { id, incrementBy, upsertAttributes, owner, index: -1 });
        this.size++;
      }
    }
  }

  /** Takes back the first `count` counters of a group this call merged. Exact: every sum is a safe integer. */
  private undoGroup(increments: SavedObjectsCounterIncrements, owner: unknown, count: number) {
    const group = this.group(increments.type, increments.counterFieldName);
    if (!group) return;
    for (let j = 0; j < count; j++) {
      const { id, incrementBy } = increments.counters[j];
      const entry = group.entries.get(id);
      if (!entry) continue;
      if (entry.owner === owner) {
        group.entries.delete(id);
        this.size--;
      } else {
        entry.incrementBy -= incrementBy;
      }
    }
  }

  /** The sums as they would be with this call's, checked before anything changes (fractions do not undo exactly). */
  private checkSums(sums: readonly SavedObjectsCommitSum[], isKnownType: (type: string) => boolean) {
    const next = new Map<SumEntry | SavedObjectsCommitSum, Record<string, number>>();
    const seen = new Map<string, SavedObjectsCommitSum>();
    const results: Array<Record<string, number>> = [];
    for (const sum of sums) {
      const { type, keyField, key, values } = sum;
      if (typeof type !== 'string' || !isKnownType(type)) throw SavedObjectsErrorHelpers.createUnsupportedTypeError(String(type));
      if (typeof keyField !== 'string' || typeof key !== 'string' || !isPlainObject(values)) {
        throw badArgument('a commit sum needs a string "keyField" and "key" and an object of "values"');
      }
      // The same type and key twice in one call add up too.
      const twin = seen.get(`${type}\u0000${key}`);
      const base = twin ? next.get(twin) : this.sums.get(type)?.get(key)?.values;
      const result: Record<string, number> = { ...base };
      for (const field of Object.keys(values)) {
        const value = values[field];
        if (typeof value !== 'number' || !Number.isFinite(value)) throw badArgument(`commit sum [${type}:${key}]: "${field}" must be a finite number`);
        const total = (result[field] ?? 0) + value;
        if (total > MAX_COUNTER_VALUE || total < -MAX_COUNTER_VALUE) throw overflow(`${field} of [${type}:${key}]`);
        result[field] = total;
      }
      seen.set(`${type}\u0000${key}`, sum);
      next.set(sum, result);
      results.push(result);
    }
    return results;
  }

  private applySums(sums: readonly SavedObjectsCommitSum[], results: Array<Record<string, number>>) {
    sums.forEach(({ type, keyField, key, timeField }, i) => {
      let byKey = this.sums.get(type);
      if (!byKey) this.sums.set(type, (byKey = new Map()));
      const current = byKey.get(key);
      if (current) current.values = results[i];
      else byKey.set(key, { type, keyField, key, values: results[i], timeField });
    });
  }
}

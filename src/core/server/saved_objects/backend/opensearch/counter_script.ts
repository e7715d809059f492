import { nextCounterValue } from '../counter_values';
import { isPlainObject } from '../merge_partial';
import type { CounterItemMark } from './counter_writer';
import {
  type SavedObjectsBackendCounterOperation,
  type SavedObjectsRawDocSource,
} from '../types';

/**
 * Adds to one counter of an existing document, as the SQLite backend's applyCounters does: a missing
 * counter starts from the increment, a non-object attribute holder is replaced by an object, and the
 * counter policy of `counter_values.ts` holds (the increment, the stored value and the sum must be safe
 * integers, else the update is refused with the same wording). Integral doubles (`5.0`) count as
 * integers, as SQLite reads them. The source never changes, so the cluster compiles it once and caches it.
 *
 * Exactly-once (see `CounterWriter`): `counterWriters` (a root field, stored but not indexed, never part
 * of a saved object) holds each lane's last applied mark; an item whose mark is not past it was applied
 * before (a retried `_bulk`) and becomes a no-op. Marks of lanes silent for a day are dropped.
 */
export const COUNTER_SCRIPT = `
def mark = params.mark;
def writers = ctx._source.counterWriters;
def last = mark != null && writers instanceof Map ? writers[mark.w] : null;
if (last instanceof Map && (last.s > mark.s || (last.s == mark.s && last.k >= mark.k))) {
  ctx.op = 'none';
} else {
long max = ${Number.MAX_SAFE_INTEGER}L;
def by = params.by;
if (!(by instanceof Integer || by instanceof Long || by instanceof Short || by instanceof Byte) || ((Number) by).longValue() > max || ((Number) by).longValue() < -max) {
  throw new IllegalArgumentException('Cannot increment [' + params.field + '] of [' + params.id + ']: the increment ' + by + ' is not a safe integer');
}
long add = ((Number) by).longValue();
Map attributes;
def holder = ctx._source[params.type];
if (holder instanceof Map) { attributes = (Map) holder; } else { attributes = new HashMap(); ctx._source[params.type] = attributes; }
def value = attributes[params.field];
if (value == null) {
  attributes[params.field] = add;
} else if (value instanceof Number) {
  boolean integral = value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte;
  double d = ((Number) value).doubleValue();
  if (!integral && (d != Math.rint(d) || Double.isInfinite(d))) { d = max + 1.0; }
  long current = integral ? ((Number) value).longValue() : (long) d;
  if (d > max || d < -max || current > max || current < -max) {
    throw new IllegalArgumentException('Cannot increment [' + params.field + '] of [' + params.id + ']: it holds ' + value + ', not a safe integer');
  }
  long sum = current + add;
  if (sum > max || sum < -max) {
    throw new IllegalArgumentException('Cannot increment [' + params.field + '] of [' + params.id + ']: the sum would pass the safe integer range (±' + max + ')');
  }
  attributes[params.field] = sum;
} else {
  String kind = value instanceof String ? 'a string' : (value instanceof Boolean ? 'a boolean' : 'an object');
  throw new IllegalArgumentException('Cannot increment [' + params.field + '] of [' + params.id + ']: it holds ' + kind + ', not a number');
}
ctx._source.updated_at = params.time;
if (mark != null) {
  if (!(writers instanceof Map)) { writers = new HashMap(); ctx._source.counterWriters = writers; }
  writers[mark.w] = mark;
  long stale = ((Number) mark.t).longValue() - 86400000L;
  writers.values().removeIf(m -> !(m instanceof Map) || ((Number) m.t).longValue() < stale);
}
}
`.trim();

/**
 * The body of an update (or of a `_bulk` update item) applying one counter operation: the script
 * for an existing document, the prepared upsert (counter already at the increment) otherwise.
 * `_source: true` returns the document as stored, which the contract wants back.
 */
export function counterUpdateBody(op: SavedObjectsBackendCounterOperation, mark?: CounterItemMark) {
  return {
    script: {
      lang: 'painless',
      source: COUNTER_SCRIPT,
      // No mark (only the benchmarks' upstream baseline): a plain increment, never skipped.
      params: { type: op.type, field: op.counterFieldName, by: op.incrementBy, time: op.time, id: op.id, mark: mark ?? null },
    },
    // A retry that finds the document it created must skip, so the new document carries the mark too.
    upsert: mark ? { ...op.upsert, counterWriters: { [mark.w]: mark } } : op.upsert,
    _source: true,
  };
}

/**
 * Checks, against the documents as they are now, that every operation can apply: the step that
 * lets a batch fail as a whole (nothing written) when a counter holds something other than a safe
 * integer, or when the batch would carry one past the safe range. Repeats of a counter in the batch are
 * added up in order, as the `_bulk` applies them. `docs` is the current `_source` per raw id (missing
 * documents absent).
 */
export function assertCountersApplicable(
  ops: SavedObjectsBackendCounterOperation[],
  docs: Map<string, SavedObjectsRawDocSource>
) {
  const running = new Map<string, number>();
  for (const op of ops) {
    const key = `${op.id}\u0000${op.type}\u0000${op.counterFieldName}`;
    let current: unknown = running.get(key);
    if (current === undefined) {
      const holder = docs.get(op.id)?.[op.type];
      current = isPlainObject(holder) ? holder[op.counterFieldName] : undefined;
    }
    running.set(key, nextCounterValue(op.id, op.counterFieldName, current, op.incrementBy));
  }
}

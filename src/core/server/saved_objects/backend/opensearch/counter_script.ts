import { isPlainObject } from '../merge_partial';
import {
  SavedObjectsBackendError,
  type SavedObjectsBackendCounterOperation,
  type SavedObjectsRawDocSource,
} from '../types';

/**
 * Adds to one counter of an existing document, as the SQLite backend's applyCounters does: a missing
 * counter starts from the increment, a non-object attribute holder is replaced by an object, and a
 * counter that is not a number is refused with the same message. Integers stay integers (long
 * arithmetic; an overflow is refused rather than wrapped) while any fractional operand makes the sum a double. The source
 * never changes, so the cluster compiles it once and caches it.
 */
export const COUNTER_SCRIPT = `
Map attributes;
def holder = ctx._source[params.type];
if (holder instanceof Map) { attributes = (Map) holder; } else { attributes = new HashMap(); ctx._source[params.type] = attributes; }
def value = attributes[params.field];
def by = params.by;
if (value == null) {
  attributes[params.field] = by;
} else if (value instanceof Number) {
  if (value instanceof Double || value instanceof Float || by instanceof Double || by instanceof Float) {
    attributes[params.field] = ((Number) value).doubleValue() + ((Number) by).doubleValue();
  } else {
    long a = ((Number) value).longValue();
    long b = ((Number) by).longValue();
    long sum = a + b;
    if (((a ^ sum) & (b ^ sum)) < 0) { throw new IllegalArgumentException('Cannot increment [' + params.field + '] of [' + params.id + ']: the sum overflows a long'); }
    attributes[params.field] = sum;
  }
} else {
  String kind = value instanceof String ? 'string' : (value instanceof Boolean ? 'boolean' : 'object');
  throw new IllegalArgumentException('Cannot increment [' + params.field + '] of [' + params.id + ']: it holds a ' + kind + ', not a number');
}
ctx._source.updated_at = params.time;
`.trim();

/**
 * The body of an update (or of a `_bulk` update item) applying one counter operation: the script
 * for an existing document, the prepared upsert (counter already at the increment) otherwise.
 * `_source: true` returns the document as stored, which the contract wants back.
 */
export function counterUpdateBody(op: SavedObjectsBackendCounterOperation) {
  return {
    script: {
      lang: 'painless',
      source: COUNTER_SCRIPT,
      params: { type: op.type, field: op.counterFieldName, by: op.incrementBy, time: op.time, id: op.id },
    },
    upsert: op.upsert,
    _source: true,
  };
}

/**
 * Checks, against the documents as they are now, that every operation can apply: the step that
 * lets a batch fail as a whole (nothing written) when one counter holds something other than a
 * number. `docs` is the current `_source` per raw id (missing documents absent).
 */
export function assertCountersApplicable(
  ops: SavedObjectsBackendCounterOperation[],
  docs: Map<string, SavedObjectsRawDocSource>
) {
  for (const op of ops) {
    const source = docs.get(op.id);
    const holder = source?.[op.type];
    const value = isPlainObject(holder) ? holder[op.counterFieldName] : undefined;
    if (value != null && typeof value !== 'number') {
      const kind = typeof value === 'string' || typeof value === 'boolean' ? typeof value : 'object';
      throw SavedObjectsBackendError.badRequest(
        `Cannot increment [${op.counterFieldName}] of [${op.id}]: it holds a ${kind}, not a number`,
        op.id
      );
    }
  }
}

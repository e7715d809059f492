import { SavedObjectsBackendError } from './types';

/**
 * The counter policy, in one place: a stored counter is always a safe integer (a whole number within
 * ±Number.MAX_SAFE_INTEGER). Past that range a double no longer counts by one, and NaN, infinities and
 * fractions would poison every later sum and every report that reads them. The SQLite fast path
 * (`sqlite_connection.ts`) and the OpenSearch Painless script (`counter_script.ts`) encode the same rule
 * in their own language; the contract suite checks that every path agrees.
 */
export const MAX_COUNTER_VALUE = Number.MAX_SAFE_INTEGER;

/** Whether `value` may be an increment, or a counter's stored value. */
export function isSafeCounterValue(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** How a stored non-counter is described in messages: its JS type, or the number itself. */
function describeValue(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string' || typeof value === 'boolean') return `a ${typeof value}`;
  return 'an object';
}

/**
 * The counter's value after adding `by` to `current` (undefined/null: a missing counter, which starts at
 * `by`). Throws a `bad_request` naming the counter and the document when the increment, the stored value
 * or the sum is not a safe integer: the store refuses the write rather than store such a value.
 */
export function nextCounterValue(
  id: string,
  field: string,
  current: unknown,
  by: unknown
): number {
  const where = `Cannot increment [${field}] of [${id}]`;
  if (!isSafeCounterValue(by)) {
    throw SavedObjectsBackendError.badRequest(
      `${where}: the increment ${String(by)} is not a safe integer`,
      id
    );
  }
  if (current == null) {
    return by;
  }
  if (typeof current !== 'number') {
    // Wording shared with the Painless script, so both stores say the same.
    throw SavedObjectsBackendError.badRequest(
      `${where}: it holds ${describeValue(current)}, not a number`,
      id
    );
  }
  if (!Number.isSafeInteger(current)) {
    throw SavedObjectsBackendError.badRequest(
      `${where}: it holds ${describeValue(current)}, not a safe integer`,
      id
    );
  }
  const sum = current + by;
  if (!Number.isSafeInteger(sum)) {
    throw SavedObjectsBackendError.badRequest(
      `${where}: the sum would pass the safe integer range (±${MAX_COUNTER_VALUE})`,
      id
    );
  }
  return sum;
}

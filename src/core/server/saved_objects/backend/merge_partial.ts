/**
 * Merges a partial document into a stored one the way an OpenSearch partial-document update does:
 * plain objects merge key by key, recursively; arrays, scalars and null replace what was there;
 * `undefined` values are skipped, as JSON serialization would drop them. Neither input is changed.
 * Backends share it so an `update` means the same thing on every store.
 */
export function mergePartial<T extends Record<string, unknown>>(
  target: T,
  patch: Record<string, unknown>
): T {
  const result: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) {
      continue;
    }
    const current = result[key];
    result[key] =
      isPlainObject(value) && isPlainObject(current)
        ? mergePartial(current, value)
        : cloneJson(value);
  }
  return result as T;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null)
  );
}

/** A deep copy through JSON, so stored values never alias caller objects. */
export function cloneJson<T>(value: T): T {
  return value === undefined ? value : JSON.parse(JSON.stringify(value));
}

/** One difference between two JSON values, at a JSON-pointer path (`/stack_stats/opensearch_dashboards/count`). */
export interface JsonChange {
  path: string;
  /** `added`: only `after` exists; `removed`: only `before`; `changed`: both, different. */
  kind: 'added' | 'removed' | 'changed';
  /** Left out for `added`. Long strings, and objects or arrays whose JSON is long, are summarised (see `DIFF_LIMITS`). */
  before?: unknown;
  /** Left out for `removed`. */
  after?: unknown;
}

export interface JsonDiff {
  changes: JsonChange[];
  /** More changes exist than `maxChanges`: the walk stopped at the limit. */
  truncated: boolean;
}

/**
 * Bounds of a diff, so that comparing two reports of megabytes stays fast and its answer small: at most
 * `maxChanges` changes (the walk stops at the next one), and each value at most about `maxValueChars`.
 */
export const DIFF_LIMITS = { maxChanges: 1000, maxValueChars: 200 };

type Limits = typeof DIFF_LIMITS;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** RFC 6901 escaping of one path segment. */
const segment = (key: string | number) => `/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;

/**
 * A value as a change shows it: as it is when short; a long string cut (with how long it was); an object or
 * array whose JSON is long replaced by a description. The JSON is measured with a cut-off, so a subtree of
 * megabytes is not serialised in full to learn that it is long. Pure.
 */
export function summarize(value: unknown, maxChars = DIFF_LIMITS.maxValueChars): unknown {
  if (typeof value === 'string') return value.length <= maxChars ? value : `${value.slice(0, maxChars)}… (${value.length} characters)`;
  if (!Array.isArray(value) && !isObject(value)) return value;
  const size = boundedJsonLength(value, maxChars);
  if (size <= maxChars) return value;
  const count = Array.isArray(value) ? value.length : Object.keys(value).length;
  return Array.isArray(value) ? `[array of ${count} item${count === 1 ? '' : 's'}]` : `[object with ${count} key${count === 1 ? '' : 's'}]`;
}

/** The length of `JSON.stringify(value)`, or anything over `limit` once it is known to be longer. */
function boundedJsonLength(value: unknown, limit: number): number {
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && total <= limit) {
    const next = stack.pop();
    if (Array.isArray(next)) {
      total += 2 + Math.max(0, next.length - 1);
      stack.push(...next);
    } else if (isObject(next)) {
      const keys = Object.keys(next);
      total += 2 + Math.max(0, keys.length - 1);
      for (const key of keys) {
        total += key.length + 3;
        stack.push(next[key]);
      }
    } else {
      total += typeof next === 'string' ? next.length + 2 : String(next).length;
    }
  }
  return total;
}

/**
 * The structural difference from `before` to `after`: objects key by key (the keys of `before` in their
 * order, then the keys only `after` has), arrays index by index, anything else by value. An added or
 * removed subtree is one change at its root. Stops after `maxChanges` changes and says so (`truncated`).
 * Pure; the work is bounded by the size of the two values.
 */
export function diffJson(before: unknown, after: unknown, limits: Limits = DIFF_LIMITS): JsonDiff {
  const changes: JsonChange[] = [];
  let truncated = false;
  const show = (value: unknown) => summarize(value, limits.maxValueChars);

  /** Records a change; false once the limit is passed (the walk then unwinds). */
  const push = (change: JsonChange): boolean => {
    if (changes.length >= limits.maxChanges) {
      truncated = true;
      return false;
    }
    changes.push(change);
    return true;
  };

  const walk = (path: string, a: unknown, b: unknown): boolean => {
    if (Array.isArray(a) && Array.isArray(b)) {
      for (let i = 0; i < Math.max(a.length, b.length); i++) {
        const at = path + segment(i);
        if (i >= b.length) {
          if (!push({ path: at, kind: 'removed', before: show(a[i]) })) return false;
        } else if (i >= a.length) {
          if (!push({ path: at, kind: 'added', after: show(b[i]) })) return false;
        } else if (!walk(at, a[i], b[i])) return false;
      }
      return true;
    }
    if (isObject(a) && isObject(b)) {
      for (const key of Object.keys(a)) {
        const at = path + segment(key);
        if (!Object.prototype.hasOwnProperty.call(b, key)) {
          if (!push({ path: at, kind: 'removed', before: show(a[key]) })) return false;
        } else if (!walk(at, a[key], b[key])) return false;
      }
      for (const key of Object.keys(b)) {
        if (Object.prototype.hasOwnProperty.call(a, key)) continue;
        if (!push({ path: path + segment(key), kind: 'added', after: show(b[key]) })) return false;
      }
      return true;
    }
    if (a === b) return true;
    return push({ path, kind: 'changed', before: show(a), after: show(b) });
  };

  walk('', before, after);
  return { changes, truncated };
}

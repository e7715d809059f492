/*
 * What a ui-metric report may carry, as pure functions that say what is wrong with a value (or nothing).
 * The report schema's fast path and its schema path both ask these, so they cannot disagree.
 */

/** Longest name stored in an id: app and event names, user-agent keys and values, application ids. */
export const MAX_NAME_LENGTH = 256;

/** C0 controls, DEL and C1 controls: they corrupt logs and terminals and have no place in a name. */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/** The type name of a JSON value as config-schema's messages spell it. */
function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'Array';
  return typeof value === 'object' ? 'Object' : typeof value;
}

const expected = (type: string, value: unknown) => `expected value of type [${type}] but got [${typeName(value)}]`;

/** Length in characters (code points), counting only when the UTF-16 length leaves a doubt. */
function longerThan(value: string, max: number): boolean {
  if (value.length <= max) return false;
  if (value.length > 2 * max) return true;
  let count = 0;
  for (const _ of value) if (++count > max) return true;
  return false;
}

/**
 * A stored counter (`stats.sum`, `numberOfClicks`): a JSON number that is a non-negative safe integer.
 * Strings are refused rather than converted, so nothing but a number ever reaches the store; a larger or
 * fractional value would be rounded by the store and by every later sum.
 */
export function countProblem(value: unknown): string | undefined {
  if (typeof value !== 'number') return expected('number', value);
  if (!Number.isInteger(value)) return Number.isFinite(value) ? 'must be an integer' : 'must be a finite number';
  if (value < 0) return 'Value must be equal to or greater than [0].';
  if (value > Number.MAX_SAFE_INTEGER) return `Value must be equal to or lower than [${Number.MAX_SAFE_INTEGER}].`;
  return undefined;
}

/** `minutesOnScreen`: a finite, non-negative JSON number, bounded as counts are so that sums stay exact enough. */
export function minutesProblem(value: unknown): string | undefined {
  if (typeof value !== 'number') return expected('number', value);
  if (!Number.isFinite(value)) return 'must be a finite number';
  if (value < 0) return 'Value must be equal to or greater than [0].';
  if (value > Number.MAX_SAFE_INTEGER) return `Value must be equal to or lower than [${Number.MAX_SAFE_INTEGER}].`;
  return undefined;
}

/** `stats.min/max/avg`: not stored, but still a finite JSON number (`1e400` parses to Infinity). */
export function finiteNumberProblem(value: unknown): string | undefined {
  if (typeof value !== 'number') return expected('number', value);
  return Number.isFinite(value) ? undefined : 'must be a finite number';
}

/**
 * A name that becomes part of a stored id. `separator`: the name sits before the `:` that separates
 * it from the rest of the id (an app name, a user-agent key), so it may not contain one.
 */
export function nameProblem(value: unknown, separator = false): string | undefined {
  if (typeof value !== 'string') return expected('string', value);
  if (value === '') return 'must not be empty';
  if (longerThan(value, MAX_NAME_LENGTH)) return `must be at most ${MAX_NAME_LENGTH} characters`;
  if (CONTROL_CHARACTERS.test(value)) return 'must not contain control characters';
  if (separator && value.includes(':')) return 'must not contain ":"';
  return undefined;
}

/** An application id (a key of `application_usage`); the message quotes it, shortened and escaped. */
export function applicationIdProblem(appId: string): string | undefined {
  const problem = nameProblem(appId);
  if (!problem) return undefined;
  // The first 40 characters, out of at most 82 code units (40 surrogate pairs and a spare).
  const head = [...appId.slice(0, 82)].slice(0, 40).join('');
  const shown = (head.length < appId.length ? `${head}…` : head).replace(
    new RegExp(CONTROL_CHARACTERS.source, 'g'),
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  );
  return `application id "${shown}" ${problem}`;
}

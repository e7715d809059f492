/**
 * Bounds on what users may store as advanced settings. Every user value travels in each page (injected
 * metadata) and in every settings response, so one huge value or thousands of keys would slow every page
 * load for everyone; a deeply nested value would overflow recursive code (schema checks, JSON) on the way.
 * These are pure checks: the settings client asks them on every write, the config asks them for overrides.
 */

/** Largest user value, measured as UTF-8 JSON. */
export const MAX_USER_VALUE_BYTES = 64 * 1024;
/** Most user settings one `config` object may hold. */
export const MAX_USER_SETTINGS = 500;
/** Deepest nesting of objects/arrays inside one value. */
export const MAX_USER_VALUE_DEPTH = 100;
/** Longest setting key (registered keys are a few dozen characters); keys travel with every value. */
export const MAX_USER_SETTING_KEY_LENGTH = 256;

const isSet = (value: unknown) => value !== null && value !== undefined;

/**
 * Walks the value without recursion. Stops as soon as it is too deep, or has more nodes than the byte limit
 * (each node takes at least one byte of JSON), so a shared or circular structure cannot make it run long.
 */
function shapeOf(value: unknown): 'ok' | 'deep' | 'large' {
  const stack: Array<[unknown, number]> = [[value, 0]];
  let nodes = 0;
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    // What JSON leaves out takes no bytes; skipping it keeps the node count a sound lower bound.
    if (node === undefined || typeof node === 'function' || typeof node === 'symbol') continue;
    if (++nodes > MAX_USER_VALUE_BYTES) return 'large';
    if (node === null || typeof node !== 'object') continue;
    if (depth + 1 > MAX_USER_VALUE_DEPTH) return 'deep';
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push([child, depth + 1]);
  }
  return 'ok';
}

/** Why `value` cannot be stored as a setting value (without naming the key), or `undefined` when it can. */
export function userValueProblem(value: unknown): string | undefined {
  if (!isSet(value)) return undefined;
  const shape = shapeOf(value);
  if (shape === 'deep') return `the value is nested deeper than ${MAX_USER_VALUE_DEPTH} levels`;
  const tooLarge = (size: string) => `the value is ${size} as JSON, over the limit of ${MAX_USER_VALUE_BYTES} bytes (64 KB)`;
  if (shape === 'large') return tooLarge(`more than ${MAX_USER_VALUE_BYTES} bytes`);
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (e) {
    return `the value cannot be written as JSON: ${(e as Error).message}`;
  }
  if (json === undefined) return 'the value cannot be written as JSON';
  const bytes = Buffer.byteLength(json, 'utf8');
  return bytes > MAX_USER_VALUE_BYTES ? tooLarge(`${bytes} bytes`) : undefined;
}

/** How to name `key` in a message: whole when it is within bounds, cut (with its length) when it is not. */
export function displayKey(key: string): string {
  return key.length <= MAX_USER_SETTING_KEY_LENGTH ? `"${key}"` : `"${key.slice(0, 40)}…" (${key.length} characters)`;
}

/** Why `key` cannot get a user value, or `undefined` when it can. */
export function userKeyProblem(key: string): string | undefined {
  if (key.length === 0) return 'a setting key cannot be empty';
  if (key.length > MAX_USER_SETTING_KEY_LENGTH) return `a setting key is at most ${MAX_USER_SETTING_KEY_LENGTH} characters`;
  return undefined;
}

export interface SettingsCountProblem {
  /** The keys this change would add. */
  added: string[];
  message: string;
}

/**
 * Whether applying `changes` to the `stored` user values would leave more than `MAX_USER_SETTINGS`. Only a
 * change that adds keys can fail: updating or removing (`null`) a stored value always passes, so an object
 * that holds more from before stays usable and can be trimmed.
 */
export function settingsCountProblem(stored: Record<string, unknown>, changes: Record<string, unknown>): SettingsCountProblem | undefined {
  const storedKeys = new Set(Object.keys(stored).filter((k) => k !== 'buildNum' && isSet(stored[k])));
  const changed = Object.entries(changes);
  const added = changed.filter(([k, v]) => isSet(v) && !storedKeys.has(k)).map(([k]) => k);
  if (added.length === 0) return undefined;
  const removed = changed.filter(([k, v]) => !isSet(v) && storedKeys.has(k)).length;
  const after = storedKeys.size - removed + added.length;
  if (after <= MAX_USER_SETTINGS) return undefined;
  const named = added.slice(0, 5).map(displayKey).join(', ') + (added.length > 5 ? ` and ${added.length - 5} more` : '');
  return {
    added,
    message: `Unable to save ${named}: at most ${MAX_USER_SETTINGS} user settings can be stored and this change would make ${after}; reset settings you no longer need first`,
  };
}

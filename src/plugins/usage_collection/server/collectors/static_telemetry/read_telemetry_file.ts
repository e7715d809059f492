import { open } from 'fs/promises';
import { load } from 'js-yaml';
import { isPlainObject, merge, set } from 'lodash';

/** Larger files are ignored (upstream's limit): the file holds a few identifiers, never data. */
export const MAX_FILE_SIZE = 10 * 1024;

/** Why a file that exists was not used; a missing file is not a problem. */
export class TelemetryFileError extends Error {}

/** `{ 'a.b': 1 }` → `{ a: { b: 1 } }`, at every level, so the file may use dotted or nested keys. */
export function ensureDeepObject(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ensureDeepObject);
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const deep = ensureDeepObject(child);
    const parts = key.split('.');
    const existing = parts.reduce<any>((node, part) => (node && typeof node === 'object' ? node[part] : undefined), out);
    set(out, parts, isPlainObject(existing) && isPlainObject(deep) ? merge(existing, deep) : deep);
  }
  return out;
}

/**
 * The mapping in a `telemetry.yml`, keys made deep; `undefined` when the file does not exist or is empty.
 * Throws `TelemetryFileError` when it exists but cannot be used (unreadable, too big, not YAML, not a mapping).
 */
export async function readTelemetryFile(path: string): Promise<Record<string, unknown> | undefined> {
  let text: string;
  try {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      if (size > MAX_FILE_SIZE) throw new TelemetryFileError(`${path} is ${size} bytes, over the ${MAX_FILE_SIZE}-byte limit`);
      text = await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof TelemetryFileError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new TelemetryFileError(`${path} cannot be read: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = load(text, { filename: path });
  } catch (error) {
    throw new TelemetryFileError(`${path} is not valid YAML: ${(error as Error).message}`);
  }
  if (parsed === null || parsed === undefined) return undefined;
  if (!isPlainObject(parsed)) throw new TelemetryFileError(`${path} must hold a mapping of keys to values`);
  const deep = ensureDeepObject(parsed) as Record<string, unknown>;
  return Object.keys(deep).length > 0 ? deep : undefined;
}

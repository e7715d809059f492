import { readFileSync } from 'fs';
import { load } from 'js-yaml';
import { isPlainObject, merge, set } from 'lodash';
import { ConfigError } from './config_error';

export type RawConfig = Record<string, unknown>;

/** Where each leaf key came from, so an error can name the file (or the command line). */
export type KeySources = Map<string, string>;

/**
 * Turns `{ 'server.port': 1, a: { 'b.c': 2 } }` into nested objects, as upstream's `ensureDeepObject` does,
 * so that YAML files may use dotted keys, nested keys, or both.
 */
export function ensureDeepObject(value: unknown, path = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => ensureDeepObject(v));
  if (!isPlainObject(value)) return value;
  const out: RawConfig = {};
  for (const [key, child] of Object.entries(value as RawConfig)) {
    const deep = ensureDeepObject(child, path ? `${path}.${key}` : key);
    if (key.includes('.')) {
      const parts = key.split('.');
      const existing = parts.reduce<any>((o, p) => (o && typeof o === 'object' ? o[p] : undefined), out);
      set(out, parts, isPlainObject(existing) && isPlainObject(deep) ? merge(existing, deep) : deep);
    } else {
      out[key] = isPlainObject(out[key]) && isPlainObject(deep) ? merge(out[key], deep) : deep;
    }
  }
  return out;
}

/** Leaf paths of a nested object (arrays are leaves). */
export function flattenKeys(value: unknown, prefix = ''): string[] {
  if (!isPlainObject(value)) return prefix ? [prefix] : [];
  const entries = Object.entries(value as RawConfig);
  if (entries.length === 0) return prefix ? [prefix] : [];
  return entries.flatMap(([k, v]) => flattenKeys(v, prefix ? `${prefix}.${k}` : k));
}

export function readYamlConfig(path: string): RawConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError(`Cannot read config file [${path}]: ${(e as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = load(text, { filename: path });
  } catch (e) {
    throw new ConfigError(`Invalid YAML in config file [${path}]: ${(e as Error).message}`);
  }
  if (parsed == null) return {};
  if (!isPlainObject(parsed)) {
    throw new ConfigError(`Config file [${path}] must hold a mapping of keys to values`);
  }
  return ensureDeepObject(parsed) as RawConfig;
}

/**
 * Reads the config files in order, then applies `--key=value` overrides. Later sources win.
 * Returns the merged raw config and the source of each leaf key.
 */
export function loadRawConfig(
  files: string[],
  overrides: Array<[string, unknown]>
): { raw: RawConfig; sources: KeySources } {
  const raw: RawConfig = {};
  const sources: KeySources = new Map();
  for (const file of files) {
    const fileConfig = readYamlConfig(file);
    mergeInto(raw, fileConfig);
    for (const key of flattenKeys(fileConfig)) sources.set(key, file);
  }
  for (const [key, value] of overrides) {
    set(raw, key.split('.'), value);
    sources.set(key, 'the command line');
  }
  return { raw, sources };
}

function mergeInto(target: RawConfig, source: RawConfig) {
  for (const [key, value] of Object.entries(source)) {
    if (isPlainObject(value) && isPlainObject(target[key])) {
      mergeInto(target[key] as RawConfig, value as RawConfig);
    } else {
      target[key] = value;
    }
  }
}

/** The source of `key` or of its closest parent that was set as a whole. */
export function sourceOf(sources: KeySources, key: string): string | undefined {
  for (const [k, src] of sources) {
    if (k === key || k.startsWith(key + '.')) return src;
  }
  let parent = key;
  while (parent.includes('.')) {
    parent = parent.slice(0, parent.lastIndexOf('.'));
    const src = sources.get(parent);
    if (src) return src;
  }
  return undefined;
}

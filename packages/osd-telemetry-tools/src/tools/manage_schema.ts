import type { SchemaMeta, SchemaTree } from './schema_tree';
import type { ParsedCollector } from './ts_parser';

/** One node of the stored schema file: upstream's OpenSearch-mapping-like shape, with `_meta` kept. */
export interface MappingNode {
  type?: string;
  items?: MappingNode;
  properties?: Record<string, MappingNode>;
  _meta?: SchemaMeta;
}

/** The stored schema file: `{ properties: { [collectorType]: { properties: ... } } }`. */
export interface StoredMapping {
  properties: Record<string, MappingNode>;
}

/** A schema node as stored: leaves `{ type }`, arrays `{ type: 'array', items }`, objects `{ properties }`. */
export function toMapping(node: SchemaTree): MappingNode {
  const meta = node.meta ? { _meta: node.meta } : {};
  if (node.kind === 'leaf') return { type: node.type, ...meta };
  if (node.kind === 'array') return { type: 'array', items: toMapping(node.items), ...meta };
  const properties: Record<string, MappingNode> = {};
  for (const [key, child] of Object.entries(node.fields)) properties[key] = toMapping(child);
  return { properties, ...meta };
}

/** The stored file's content for these collectors, sorted by collector type so that the file diffs well. */
export function generateMapping(collectors: ParsedCollector[]): StoredMapping {
  const properties: Record<string, MappingNode> = {};
  for (const collector of [...collectors].sort((a, b) => a.collectorName.localeCompare(b.collectorName))) {
    properties[collector.collectorName] = toMapping(collector.schema);
  }
  return { properties };
}

/** The file's text: pretty JSON and a final newline. */
export const serializeMapping = (mapping: StoredMapping) => `${JSON.stringify(mapping, null, 2)}\n`;

/** One difference between the collectors' schemas and the stored file. */
export interface MappingDifference {
  collectorName: string;
  /** Dotted field path inside the collector ('' for the collector itself). */
  field: string;
  change: 'added' | 'removed' | 'changed';
  stored?: unknown;
  current?: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Structural equality, ignoring key order. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
}

function diffNode(current: unknown, stored: unknown, collectorName: string, field: string[], out: MappingDifference[]) {
  if (deepEqual(current, stored)) return;
  const at = (extra?: string) => [...field, ...(extra ? [extra] : [])].join('.');
  if (!isObject(current) || !isObject(stored)) {
    out.push({ collectorName, field: at(), change: 'changed', stored, current });
    return;
  }
  for (const key of new Set([...Object.keys(current), ...Object.keys(stored)])) {
    const [c, s] = [current[key], stored[key]];
    if (deepEqual(c, s)) continue;
    if (key === 'properties' && isObject(c) && isObject(s)) {
      for (const name of new Set([...Object.keys(c), ...Object.keys(s)])) {
        if (!(name in s)) out.push({ collectorName, field: at(name), change: 'added', current: c[name] });
        else if (!(name in c)) out.push({ collectorName, field: at(name), change: 'removed', stored: s[name] });
        else diffNode(c[name], s[name], collectorName, [...field, name], out);
      }
    } else if (key === 'items' && isObject(c) && isObject(s)) {
      diffNode(c, s, collectorName, [...field, 'items'], out);
    } else {
      out.push({ collectorName, field: at(key === 'type' ? undefined : key), change: 'changed', stored: { [key]: s }, current: { [key]: c } });
    }
  }
}

/**
 * Differences between the mapping generated from the collectors and the stored one, collector by collector and
 * field by field, both ways. With `only` (a `--path` run), collectors outside it are not compared.
 */
export function diffMappings(current: StoredMapping, stored: unknown, only?: Set<string>): MappingDifference[] {
  const storedCollectors = isObject(stored) && isObject(stored.properties) ? stored.properties : {};
  const out: MappingDifference[] = [];
  const names = new Set([...Object.keys(current.properties), ...(only ? [] : Object.keys(storedCollectors))]);
  for (const name of names) {
    if (only && !only.has(name)) continue;
    if (!(name in storedCollectors)) out.push({ collectorName: name, field: '', change: 'added', current: current.properties[name] });
    else if (!(name in current.properties)) out.push({ collectorName: name, field: '', change: 'removed', stored: storedCollectors[name] });
    else diffNode(current.properties[name], storedCollectors[name], name, [], out);
  }
  return out;
}

/** One line per difference, naming the collector, its file and the field. */
export function describeDifference(diff: MappingDifference, fileOf: (collectorName: string) => string | undefined): string {
  const file = fileOf(diff.collectorName);
  const where = `collector "${diff.collectorName}"${file ? ` (${file})` : ''}${diff.field ? `, field "${diff.field}"` : ''}`;
  const json = (value: unknown) => {
    const text = JSON.stringify(value) ?? 'undefined';
    return text.length > 160 ? `${text.slice(0, 157)}...` : text;
  };
  switch (diff.change) {
    case 'added':
      return diff.field ? `${where}: missing from the stored file; schema: ${json(diff.current)}` : `${where}: missing from the stored file`;
    case 'removed':
      return diff.field
        ? `${where}: in the stored file, but no longer in the schema`
        : `${where}: in the stored file, but no collector of that type was found`;
    case 'changed':
      return `${where}: stored ${json(diff.stored)}, schema ${json(diff.current)}`;
  }
}

import type { AllowedSchemaTypes, SchemaArrayNode, SchemaNode, SchemaObjectNode } from './types';

/** The schema types a field may declare, at run time. */
export const ALLOWED_SCHEMA_TYPES: readonly AllowedSchemaTypes[] = ['keyword', 'text', 'number', 'boolean', 'long', 'date', 'float'];

/** The key of an object schema that matches every key of a record. */
export const DYNAMIC_KEY = 'DYNAMIC_KEY';

const META_KEY = '_meta';

/** How a schema node reads: a typed leaf, an array, or an object of fields. */
export type ParsedNode =
  | { kind: 'leaf'; type: AllowedSchemaTypes }
  | { kind: 'array'; items: SchemaNode }
  | { kind: 'object'; fields: SchemaObjectNode };

const isAllowedType = (value: unknown): value is AllowedSchemaTypes =>
  typeof value === 'string' && (ALLOWED_SCHEMA_TYPES as readonly string[]).includes(value);

/**
 * Reads one schema node. A node whose `type` holds a string is a leaf or an array; any other object is an
 * object schema (so a data field literally named `type` must be written `{ type: { type: 'keyword' } }`).
 */
export function parseNode(node: SchemaNode): ParsedNode {
  if (typeof node === 'string') return { kind: 'leaf', type: node };
  const type = (node as { type?: unknown }).type;
  if (type === 'array') return { kind: 'array', items: (node as SchemaArrayNode).items };
  if (typeof type === 'string') return { kind: 'leaf', type: type as AllowedSchemaTypes };
  return { kind: 'object', fields: node as SchemaObjectNode };
}

/** The field names an object schema declares (its `_meta` is documentation, not a field). */
export function declaredFields(fields: SchemaObjectNode): string[] {
  return Object.keys(fields).filter((key) => key !== META_KEY);
}

/**
 * Checks a schema at registration so that a mistake fails the plugin's setup, naming the path, rather
 * than silently dropping data at every fetch. Returns a description of the first problem, or undefined.
 */
export function findSchemaProblem(node: unknown, path: string[] = []): string | undefined {
  const where = path.length ? `[${path.join('.')}]` : 'the root';
  if (typeof node === 'string') {
    return isAllowedType(node) ? undefined : `${where} has unknown type "${node}"; allowed: ${ALLOWED_SCHEMA_TYPES.join(', ')}`;
  }
  if (!node || typeof node !== 'object' || Array.isArray(node)) {
    return `${where} must be a type name, { type }, { type: 'array', items } or an object of fields`;
  }
  const parsed = parseNode(node as SchemaNode);
  if (parsed.kind === 'leaf') {
    return isAllowedType(parsed.type) ? undefined : `${where} has unknown type "${parsed.type}"; allowed: ${ALLOWED_SCHEMA_TYPES.join(', ')}`;
  }
  if (parsed.kind === 'array') {
    if (parsed.items === undefined) return `${where} is an array without "items"`;
    return findSchemaProblem(parsed.items, [...path, 'items']);
  }
  for (const key of declaredFields(parsed.fields)) {
    const problem = findSchemaProblem(parsed.fields[key], [...path, key]);
    if (problem) return problem;
  }
  return undefined;
}

/** What filtering removed from one result: fields nobody declared, and values of the wrong type. */
export interface SchemaFilterReport {
  droppedFields: number;
  invalidValues: number;
  /** Paths of the first few removals, for the server log (dynamic keys shown as `*`). */
  samples: string[];
}

const MAX_SAMPLES = 10;
const DROP = Symbol('drop');

export function createFilterReport(): SchemaFilterReport {
  return { droppedFields: 0, invalidValues: 0, samples: [] };
}

/**
 * Keeps only what the schema declares, with the declared type: the privacy contract of usage collection.
 * Undeclared fields and wrongly typed values are left out and counted in `report`. `null` is kept for
 * any declared field (it says "no value"). Dates become ISO strings. The result is a new, deeply frozen
 * value (the input is not changed); `undefined` when the input itself does not fit.
 */
export function filterBySchema(value: unknown, schema: SchemaNode, report: SchemaFilterReport): unknown {
  const out = filterNode(value, schema, report, []);
  return out === DROP ? undefined : out;
}

function note(report: SchemaFilterReport, path: string[], what: string) {
  if (report.samples.length < MAX_SAMPLES) report.samples.push(`${path.join('.') || '(root)'} (${what})`);
}

function filterNode(value: unknown, schema: SchemaNode, report: SchemaFilterReport, path: string[]): unknown {
  if (value === undefined) return DROP;
  if (value === null) return null;
  const parsed = parseNode(schema);
  if (parsed.kind === 'leaf') {
    const leaf = filterLeaf(value, parsed.type);
    if (leaf === DROP) {
      report.invalidValues++;
      note(report, path, `not a ${parsed.type}`);
    }
    return leaf;
  }
  if (parsed.kind === 'array') {
    if (!Array.isArray(value)) {
      report.invalidValues++;
      note(report, path, 'not an array');
      return DROP;
    }
    const items: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      path.push('[]');
      const item = filterNode(value[i], parsed.items, report, path);
      path.pop();
      if (item !== DROP) items.push(item);
    }
    return Object.freeze(items);
  }
  if (typeof value !== 'object' || Array.isArray(value) || value instanceof Date) {
    report.invalidValues++;
    note(report, path, 'not an object');
    return DROP;
  }
  return filterObject(value as Record<string, unknown>, parsed.fields, report, path);
}

function filterObject(value: Record<string, unknown>, fields: SchemaObjectNode, report: SchemaFilterReport, path: string[]) {
  const out: Record<string, unknown> = {};
  const dynamic = Object.prototype.hasOwnProperty.call(fields, DYNAMIC_KEY) ? (fields[DYNAMIC_KEY] as SchemaNode) : undefined;
  for (const key of Object.keys(value)) {
    const declared = key !== META_KEY && key !== DYNAMIC_KEY && Object.prototype.hasOwnProperty.call(fields, key);
    const fieldSchema = declared ? (fields[key] as SchemaNode) : dynamic;
    if (fieldSchema === undefined) {
      report.droppedFields++;
      note(report, [...path, key], 'undeclared');
      continue;
    }
    path.push(declared ? key : '*');
    const filtered = filterNode(value[key], fieldSchema, report, path);
    path.pop();
    if (filtered === DROP) continue;
    // A data key such as an app id may be "__proto__": define it, never assign it.
    Object.defineProperty(out, key, { value: filtered, enumerable: true, writable: false, configurable: false });
  }
  return Object.freeze(out);
}

function filterLeaf(value: unknown, type: AllowedSchemaTypes): unknown {
  switch (type) {
    case 'keyword':
    case 'text':
      return typeof value === 'string' ? value : DROP;
    case 'boolean':
      return typeof value === 'boolean' ? value : DROP;
    case 'long':
      return typeof value === 'number' && Number.isInteger(value) ? value : DROP;
    case 'number':
    case 'float':
      return typeof value === 'number' && Number.isFinite(value) ? value : DROP;
    case 'date':
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? DROP : value.toISOString();
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : DROP;
    default:
      return DROP;
  }
}

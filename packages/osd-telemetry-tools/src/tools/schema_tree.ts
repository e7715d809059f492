import { ALLOWED_SCHEMA_TYPES, AllowedSchemaType, META_KEY } from './constants';
import { TelemetryToolError } from './errors';

/** A node's documentation; `description` is what the data dictionary shows. */
export interface SchemaMeta {
  description?: string;
  [key: string]: unknown;
}

/** A collector schema, read: every node says what it is. */
export type SchemaTree = SchemaLeaf | SchemaArray | SchemaObject;
export interface SchemaLeaf {
  kind: 'leaf';
  type: AllowedSchemaType;
  meta?: SchemaMeta;
}
export interface SchemaArray {
  kind: 'array';
  items: SchemaTree;
  meta?: SchemaMeta;
}
export interface SchemaObject {
  kind: 'object';
  fields: Record<string, SchemaTree>;
  meta?: SchemaMeta;
}

const isAllowed = (type: unknown): type is AllowedSchemaType =>
  typeof type === 'string' && (ALLOWED_SCHEMA_TYPES as readonly string[]).includes(type);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function readMeta(node: Record<string, unknown>, where: string): SchemaMeta | undefined {
  const meta = node[META_KEY];
  if (meta === undefined) return undefined;
  if (!isPlainObject(meta) || (meta.description !== undefined && typeof meta.description !== 'string')) {
    throw new TelemetryToolError(`Schema field ${where} has an invalid _meta: expected { description: string }.`);
  }
  return meta as SchemaMeta;
}

/**
 * Reads an evaluated schema value the way usage_collection reads it at run time: a bare type name is a leaf
 * (`'long'`); an object whose `type` is a string is a leaf (`{ type: 'long', _meta }`) or an array
 * (`{ type: 'array', items }`); any other object is an object of fields (so a data field named `type` is written
 * `{ type: { type: 'keyword' } }`). `_meta` is documentation on any node. `path` names the node in messages.
 */
export function readSchema(value: unknown, path: string[]): SchemaTree {
  const where = path.join('.');
  if (typeof value === 'string') {
    if (!isAllowed(value)) throw unknownType(value, where);
    return { kind: 'leaf', type: value };
  }
  if (!isPlainObject(value)) {
    throw new TelemetryToolError(
      `Schema field ${where} must be a type name, { type }, { type: 'array', items } or an object of fields; got ${JSON.stringify(value) ?? String(value)}.`
    );
  }
  const meta = readMeta(value, where);
  const withMeta = <T extends SchemaTree>(node: T): T => (meta ? { ...node, meta } : node);
  if (typeof value.type === 'string') {
    // A misplaced key (`{ type: 'long', description }`) would otherwise be dropped silently.
    const allowed = value.type === 'array' ? ['type', 'items', META_KEY] : ['type', META_KEY];
    const unknown = Object.keys(value).filter((key) => !allowed.includes(key));
    if (unknown.length) {
      throw new TelemetryToolError(`Schema field ${where} has unknown key(s) ${unknown.join(', ')}: only ${allowed.join(', ')} are allowed.`);
    }
    if (value.type === 'array') {
      if (value.items === undefined) throw new TelemetryToolError(`Schema field ${where} is an array without "items".`);
      return withMeta({ kind: 'array', items: readSchema(value.items, [...path, 'items']) });
    }
    if (!isAllowed(value.type)) throw unknownType(value.type, where);
    return withMeta({ kind: 'leaf', type: value.type });
  }
  const fields: Record<string, SchemaTree> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key !== META_KEY) fields[key] = readSchema(child, [...path, key]);
  }
  return withMeta({ kind: 'object', fields });
}

function unknownType(type: string, where: string) {
  return new TelemetryToolError(`Unknown schema type ${type} at ${where}; allowed: ${ALLOWED_SCHEMA_TYPES.join(', ')}, array.`);
}

/** The TypeScript kind a schema leaf stands for (upstream's `compatibleSchemaTypes`). */
export function compatibleSchemaType(type: AllowedSchemaType | 'array'): 'string' | 'number' | 'boolean' | 'array' {
  switch (type) {
    case 'keyword':
    case 'text':
    case 'date':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'long':
    case 'number':
    case 'float':
      return 'number';
    case 'array':
      return 'array';
  }
}

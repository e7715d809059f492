import { snakeCase } from 'lodash';
import { DYNAMIC_KEY, parseNode } from './schema';
import type { SchemaNode } from './types';

/**
 * One key in the API's style, as upstream: snake_case, then `1_m`/`5_m`/`15_m` → `1m`/`5m`/`15m`,
 * `_in_bytes` → `_bytes` and `_in_millis` → `_ms`.
 */
export function toApiFieldName(key: string): string {
  return snakeCase(key)
    .replace(/^(1|5|15)_m/, '$1m')
    .replace('_in_bytes', '_bytes')
    .replace('_in_millis', '_ms');
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);

/**
 * Renames the keys of `value` (recursively, through arrays) with `toApiFieldName`; values are unchanged.
 * Without a schema every key is renamed, as upstream does. With one, only declared field names are:
 * keys matched by `DYNAMIC_KEY` are data (app ids, event names) and are kept as they are.
 */
export function toApiFieldNames(value: unknown, schema?: SchemaNode): any {
  if (Array.isArray(value)) {
    const items = schema === undefined ? undefined : arrayItems(schema);
    return value.map((item) => toApiFieldNames(item, items));
  }
  if (!isPlainObject(value)) return value;
  const fields = schema === undefined ? undefined : objectFields(schema);
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    let name = toApiFieldName(key);
    let childSchema: SchemaNode | undefined;
    if (fields) {
      const declared = key !== DYNAMIC_KEY && Object.prototype.hasOwnProperty.call(fields, key);
      childSchema = (declared ? fields[key] : fields[DYNAMIC_KEY]) as SchemaNode | undefined;
      if (!declared && childSchema !== undefined) name = key;
    }
    Object.defineProperty(out, name, { value: toApiFieldNames(child, childSchema), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function arrayItems(schema: SchemaNode): SchemaNode | undefined {
  const parsed = parseNode(schema);
  return parsed.kind === 'array' ? parsed.items : undefined;
}

function objectFields(schema: SchemaNode) {
  const parsed = parseNode(schema);
  return parsed.kind === 'object' ? parsed.fields : undefined;
}

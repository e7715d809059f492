import { SavedObjectsBackendError } from './types';

/**
 * Dotted field paths into attributes (`a.b` is `{ a: { b } }`), as OpenSearch field names work.
 * A literal key that itself contains dots is honoured first, since JSON allows such keys.
 */

/**
 * Refuses a sort or search field no backend can address: an empty segment (`a..b`) or a double
 * quote (SQLite's JSON path syntax cannot quote it). Every backend applies the same rule, so a
 * field that works on one store works on all.
 */
export function assertValidFieldPath(field: string): string[] {
  const segments = field.split('.');
  if (segments.some((s) => s.length === 0 || s.includes('"'))) {
    throw SavedObjectsBackendError.badRequest(`Invalid field name [${field}]`);
  }
  return segments;
}

/** Reads a path; a trailing `^boost` (search field syntax) is ignored. */
export function readPath(source: unknown, field: string): unknown {
  const path = field.replace(/\^[\d.]*$/, '');
  if (source === null || typeof source !== 'object') {
    return undefined;
  }
  if (Object.prototype.hasOwnProperty.call(source, path)) {
    return (source as Record<string, unknown>)[path];
  }
  let current: unknown = source;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') {
      return undefined;
    }
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** Keeps only the listed fields, nested as they were, like OpenSearch `_source` filtering. */
export function pickFields(attributes: unknown, fields: string[]): unknown {
  if (attributes === null || typeof attributes !== 'object' || Array.isArray(attributes)) {
    return attributes;
  }
  const picked: Record<string, unknown> = {};
  for (const field of fields) {
    const value = readPath(attributes, field);
    if (value === undefined) {
      continue;
    }
    if (Object.prototype.hasOwnProperty.call(attributes, field)) {
      picked[field] = value;
      continue;
    }
    const parts = field.split('.');
    let target = picked;
    for (const part of parts.slice(0, -1)) {
      const next = target[part];
      if (next === null || typeof next !== 'object') {
        target[part] = {};
      }
      target = target[part] as Record<string, unknown>;
    }
    target[parts[parts.length - 1]] = value;
  }
  return picked;
}

import {
  SavedObjectsBackendError,
  type SavedObjectsAggregateKey,
  type SavedObjectsAggregateRow,
  type SavedObjectsBackendAggregateQuery,
} from './types';

export const AGGREGATE_MAX_GROUP_BY = 3;
export const AGGREGATE_MAX_SUM = 5;
export const AGGREGATE_MAX_SIZE = 10_000;
export const AGGREGATE_MAX_ANY_OF = 100;
/** Range bounds are date strings; anything longer is not one. */
const MAX_BOUND_LENGTH = 40;
/**
 * Top-level attribute names only, in a character set every store can address without quoting (SQLite
 * JSON paths, OpenSearch field names, painless map keys).
 */
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,99}$/;

const bad = (message: string) => SavedObjectsBackendError.badRequest(`aggregate: ${message}`);

function assertField(name: unknown, where: string): asserts name is string {
  if (typeof name !== 'string' || !FIELD_NAME.test(name)) {
    throw bad(`[${where}] must be a top-level attribute name (letters, digits, _ and -), got ${JSON.stringify(name)}`);
  }
}

function assertFieldList(list: unknown, where: string, min: number, max: number): asserts list is string[] {
  if (!Array.isArray(list) || list.length < min || list.length > max) {
    throw bad(`[${where}] must be an array of ${min} to ${max} attribute names`);
  }
  list.forEach((field, i) => assertField(field, `${where}.${i}`));
  if (new Set(list).size !== list.length) {
    throw bad(`[${where}] names an attribute twice`);
  }
}

/** The limits every backend applies alike, so a query that works on one store works on all. */
export function assertAggregateQuery(query: SavedObjectsBackendAggregateQuery) {
  if (typeof query?.type !== 'string' || query.type.length === 0) {
    throw bad('[type] must be a non-empty string');
  }
  assertFieldList(query.groupBy, 'groupBy', 1, AGGREGATE_MAX_GROUP_BY);
  assertFieldList(query.sum ?? [], 'sum', 0, AGGREGATE_MAX_SUM);
  if (!Number.isSafeInteger(query.size) || query.size < 1 || query.size > AGGREGATE_MAX_SIZE) {
    throw bad(`[size] must be an integer from 1 to ${AGGREGATE_MAX_SIZE}, got ${String(query.size)}`);
  }
  const { range, anyOf } = query.filter ?? {};
  if (range !== undefined) {
    assertField(range?.field, 'filter.range.field');
    for (const bound of ['gte', 'lt'] as const) {
      const value = range[bound];
      if (value !== undefined && (typeof value !== 'string' || value.length === 0 || value.length > MAX_BOUND_LENGTH)) {
        throw bad(`[filter.range.${bound}] must be a date string of at most ${MAX_BOUND_LENGTH} characters`);
      }
    }
  }
  if (anyOf !== undefined) {
    if (!Array.isArray(anyOf) || anyOf.length === 0 || anyOf.length > AGGREGATE_MAX_ANY_OF) {
      throw bad(`[filter.anyOf] must be an array of 1 to ${AGGREGATE_MAX_ANY_OF} entries`);
    }
    const fields = Object.keys(anyOf[0] ?? {});
    assertFieldList(fields, 'filter.anyOf.0', 1, AGGREGATE_MAX_GROUP_BY);
    anyOf.forEach((entry, i) => {
      const keys = Object.keys(entry ?? {});
      if (keys.length !== fields.length || keys.some((k) => !fields.includes(k))) {
        throw bad(`[filter.anyOf.${i}] must have the same fields as the first entry`);
      }
      for (const key of keys) {
        const value = entry[key];
        if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) {
          throw bad(`[filter.anyOf.${i}.${key}] must be a string or a finite number`);
        }
      }
    });
  }
  const order = query.orderBy;
  if (order !== undefined) {
    const fields = ['docCount', ...query.groupBy, ...(query.sum ?? [])];
    if (!fields.includes(order?.field)) {
      throw bad(`[orderBy.field] must be one of ${fields.join(', ')}, got ${JSON.stringify(order?.field)}`);
    }
    if (order.direction !== 'asc' && order.direction !== 'desc') {
      throw bad(`[orderBy.direction] must be asc or desc`);
    }
  }
}

/** A grouped value as every store reports it: strings and finite numbers as they are, anything else null. */
export function toAggregateKey(value: unknown): SavedObjectsAggregateKey {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  return null;
}

/** SQLite's order of mixed values: null, then numbers, then strings (by code unit). */
export function compareKeys(a: SavedObjectsAggregateKey, b: SavedObjectsAggregateKey): number {
  const rank = (v: SavedObjectsAggregateKey) => (v === null ? 0 : typeof v === 'number' ? 1 : 2);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (a === b || a === null || b === null) return 0;
  return a < b ? -1 : 1;
}

/**
 * The order of rows: `orderBy` first, then the group keys ascending. Stores that cannot sort in place
 * (OpenSearch composite buckets come in key order) sort with this, and SQLite's ORDER BY mirrors it.
 */
export function compareRows(query: SavedObjectsBackendAggregateQuery) {
  const order = query.orderBy;
  const valueOf = (row: SavedObjectsAggregateRow): SavedObjectsAggregateKey => {
    if (!order) return null;
    if (order.field === 'docCount') return row.docCount;
    if (query.groupBy.includes(order.field)) return row.keys[order.field];
    return row.sums[order.field];
  };
  const sign = order?.direction === 'desc' ? -1 : 1;
  return (a: SavedObjectsAggregateRow, b: SavedObjectsAggregateRow) => {
    const first = sign * compareKeys(valueOf(a), valueOf(b));
    if (first !== 0) return first;
    for (const field of query.groupBy) {
      const c = compareKeys(a.keys[field], b.keys[field]);
      if (c !== 0) return c;
    }
    return 0;
  };
}

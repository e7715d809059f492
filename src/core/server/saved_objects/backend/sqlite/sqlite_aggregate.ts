import { toAggregateKey } from '../aggregate_query';
import type { SavedObjectsAggregateRow, SavedObjectsBackendAggregateQuery } from '../types';

export interface AggregateStatement {
  sql: string;
  params: Array<string | number>;
}

/** Field names are checked by assertAggregateQuery (letters, digits, _ and -), so they are safe in a JSON path. */
const path = (field: string) => `'$.${field}'`;
const extract = (field: string) => `json_extract(attributes, ${path(field)})`;
/** A grouped value: strings and numbers as stored; booleans, objects, arrays and missing values as NULL. */
const keyExpr = (field: string) =>
  `CASE WHEN json_type(attributes, ${path(field)}) IN ('text', 'integer', 'real') THEN ${extract(field)} END`;

/**
 * One GROUP BY statement for an aggregate query (checked beforehand). SQLite does the grouping and the
 * sums while it reads the type's rows, so the answer is `size` rows however many documents match, and
 * the ORDER BY mirrors `compareRows` (orderBy, then the keys ascending, NULL first).
 */
export function buildAggregateStatement(query: SavedObjectsBackendAggregateQuery): AggregateStatement {
  const params: Array<string | number> = [query.type];
  const where = ['type = ?'];
  const range = query.filter?.range;
  if (range) {
    // Only text values take part in a date range (a number is no date string), on every store.
    where.push(`json_type(attributes, ${path(range.field)}) = 'text'`);
    if (range.gte !== undefined) {
      where.push(`${extract(range.field)} >= ?`);
      params.push(range.gte);
    }
    if (range.lt !== undefined) {
      where.push(`${extract(range.field)} < ?`);
      params.push(range.lt);
    }
  }
  const anyOf = query.filter?.anyOf;
  if (anyOf && anyOf.length > 0) {
    const fields = Object.keys(anyOf[0]);
    const tuple = fields.length === 1 ? extract(fields[0]) : `(${fields.map(extract).join(', ')})`;
    const values = anyOf.map((entry) => {
      params.push(...fields.map((f) => entry[f]));
      return `(${fields.map(() => '?').join(', ')})`;
    });
    where.push(`${tuple} IN (VALUES ${values.join(', ')})`);
  }
  const keys = query.groupBy.map((field, i) => `${keyExpr(field)} AS k${i}`);
  const sums = query.sum.map(
    (field, i) =>
      `COALESCE(SUM(CASE WHEN json_type(attributes, ${path(field)}) IN ('integer', 'real') THEN ${extract(field)} END), 0) AS s${i}`
  );
  const keyCols = query.groupBy.map((_, i) => `k${i}`);
  const order: string[] = [];
  if (query.orderBy) {
    const { field, direction } = query.orderBy;
    const column =
      field === 'docCount'
        ? 'doc_count'
        : query.groupBy.includes(field)
          ? `k${query.groupBy.indexOf(field)}`
          : `s${query.sum.indexOf(field)}`;
    order.push(`${column} ${direction === 'desc' ? 'DESC' : 'ASC'}`);
  }
  order.push(...keyCols);
  params.push(query.size);
  const sql =
    `SELECT ${[...keys, ...sums, 'COUNT(*) AS doc_count'].join(', ')} FROM saved_objects ` +
    `WHERE ${where.join(' AND ')} GROUP BY ${keyCols.join(', ')} ORDER BY ${order.join(', ')} LIMIT ?`;
  return { sql, params };
}

/** The statement's rows as aggregate rows. */
export function toAggregateRows(
  query: SavedObjectsBackendAggregateQuery,
  rows: Array<Record<string, unknown>>
): SavedObjectsAggregateRow[] {
  return rows.map((row) => ({
    keys: Object.fromEntries(query.groupBy.map((field, i) => [field, toAggregateKey(row[`k${i}`])])),
    sums: Object.fromEntries(query.sum.map((field, i) => [field, Number(row[`s${i}`] ?? 0)])),
    docCount: Number(row.doc_count),
  }));
}

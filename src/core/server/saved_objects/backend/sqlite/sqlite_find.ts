import { assertValidFieldPath } from '../field_paths';
import type { SavedObjectsBackendFindQuery } from '../types';

/** Name of the SQL function the backend registers to score `search` (see sqlite_backend.ts). */
export const SEARCH_FUNCTION = 'so_search_score';

export interface FindStatements {
  countSql: string;
  pageSql: string;
  /** Parameters of the WHERE clause, shared by both statements. */
  whereParams: unknown[];
  /** Parameters of the ORDER BY clause (page statement only, before LIMIT/OFFSET). */
  orderParams: unknown[];
}

const COLUMNS = 'raw_id, type, attributes, source, seq_no, primary_term';

/** Root sort fields map to columns; anything else is an attribute path. */
const ROOT_SORT_COLUMNS: Record<string, string> = {
  type: 'type',
  updated_at: 'updated_at',
  id: 'object_id',
};

/**
 * A JSON path for json_extract from a dotted attribute path: `a.b` → `$."a"."b"`. Quoting every
 * segment keeps field names with spaces or dashes working; a double quote cannot be quoted in
 * SQLite's path syntax, so it is refused (by the rule every backend shares).
 */
export function attributeJsonPath(field: string): string {
  return '$' + assertValidFieldPath(field).map((s) => `."${s}"`).join('');
}

/**
 * Builds the SQL of a find. Paging is plain LIMIT/OFFSET with a unique tie-breaker (`raw_id`), so
 * consecutive pages never skip or repeat a document however deep the caller pages.
 */
export function buildFindStatements(query: SavedObjectsBackendFindQuery): FindStatements {
  const where: string[] = [];
  const whereParams: unknown[] = [];

  where.push(`type IN (${query.types.map(() => '?').join(', ')})`);
  whereParams.push(...query.types);

  if (query.hasReference && query.hasReference.length > 0) {
    const one =
      `EXISTS (SELECT 1 FROM json_each(source, '$.references') AS r ` +
      `WHERE json_extract(r.value, '$.type') = ? AND json_extract(r.value, '$.id') = ?)`;
    where.push(`(${query.hasReference.map(() => one).join(' OR ')})`);
    for (const ref of query.hasReference) {
      whereParams.push(ref.type, ref.id);
    }
  }

  const searching = query.search !== undefined && query.search.trim().length > 0;
  if (searching) {
    where.push(`${SEARCH_FUNCTION}(attributes, source) > 0`);
  }

  const direction = query.sortOrder === 'desc' ? 'DESC' : 'ASC';
  const orderParams: unknown[] = [];
  let orderBy: string;
  if (query.sortField) {
    let expr = ROOT_SORT_COLUMNS[query.sortField];
    if (!expr) {
      expr = 'json_extract(attributes, ?)';
      // Used twice below: once for the missing-last flag, once for the value.
      const path = attributeJsonPath(query.sortField);
      orderParams.push(path, path);
    }
    // Documents without the field come last in both directions, as in OpenSearch.
    orderBy = `(${expr} IS NULL) ASC, ${expr} ${direction}, raw_id ASC`;
  } else if (searching) {
    orderBy = 'score DESC, raw_id ASC';
  } else {
    orderBy = 'raw_id ASC';
  }

  const scoreColumn = searching ? `${SEARCH_FUNCTION}(attributes, source)` : '0';
  const whereSql = where.join(' AND ');
  return {
    countSql: `SELECT COUNT(*) AS total FROM saved_objects WHERE ${whereSql}`,
    pageSql:
      `SELECT ${COLUMNS}, ${scoreColumn} AS score FROM saved_objects WHERE ${whereSql} ` +
      `ORDER BY ${orderBy} LIMIT ? OFFSET ?`,
    whereParams,
    orderParams,
  };
}

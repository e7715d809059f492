import { pickFields } from '../field_paths';
import { parseSimpleQuery, scoreDocumentSearch, type DocumentSearch } from '../simple_query';
import { assertScanQuery } from '../scan_query';
import { assertAggregateQuery } from '../aggregate_query';
import {
  type SavedObjectsAggregateRow,
  type SavedObjectsBackendAggregateQuery,
  type SavedObjectsBackendFindQuery,
  type SavedObjectsBackendFindResult,
  type SavedObjectsBackendScanPage,
  type SavedObjectsBackendScanQuery,
} from '../types';
import type { SqliteConnection } from './sqlite_connection';
import { buildAggregateStatement, toAggregateRows } from './sqlite_aggregate';
import { buildFindStatements, SEARCH_FUNCTION } from './sqlite_find';
import { rowToDoc, type SavedObjectRow } from './sqlite_rows';

/**
 * Keyset page of one type: the (type, raw_id) index gives the rows already in order, so a page costs
 * the same at the start and at the end of a large type (OFFSET would walk every skipped row).
 */
export const SCAN_SQL =
  'SELECT raw_id, type, attributes, source, seq_no, primary_term FROM saved_objects ' +
  'WHERE type = ? AND raw_id > ? ORDER BY raw_id LIMIT ?';

/**
 * The read queries (find and scan) over one connection. The backend runs one over its main connection
 * and, on the server, another in its reader thread (`sqlite_reader_thread.ts`), so the same code
 * answers in both places.
 */
export class SqliteReader {
  /** The search being evaluated by the current find; read by the registered SQL function. */
  private activeSearch?: DocumentSearch;
  private readonly scanStatement;

  constructor(private readonly connection: SqliteConnection) {
    this.scanStatement = connection.db.prepare<[string, string, number], SavedObjectRow>(SCAN_SQL);
    // Not declared deterministic: its result depends on the find being run (activeSearch).
    connection.db.function(SEARCH_FUNCTION, (attributes, source) =>
      this.scoreRow(attributes as string | null, source as string)
    );
  }

  public find(query: SavedObjectsBackendFindQuery): Promise<SavedObjectsBackendFindResult> {
    const { db } = this.connection;
    const sql = buildFindStatements(query);
    const search: DocumentSearch | undefined = query.search
      ? {
          query: parseSimpleQuery(query.search),
          operator: query.defaultSearchOperator,
          searchFields: query.searchFields,
          rootSearchFields: query.rootSearchFields,
        }
      : undefined;
    // Count and page in one read transaction, so the total matches the page's snapshot. The
    // search is installed inside the synchronous transaction body, so concurrent finds (which
    // may interleave while waiting for a lock) never see each other's.
    return this.connection.read(() => {
      this.activeSearch = search;
      try {
        const { total } = db.prepare(sql.countSql).get(...sql.whereParams) as { total: number };
        const rows =
          query.size > 0 && query.from < total
            ? (db
                .prepare(sql.pageSql)
                .all(...sql.whereParams, ...sql.orderParams, query.size, query.from) as Array<
                SavedObjectRow & { score: number }
              >)
            : [];
        const hits = rows.map((row) => {
          const doc = rowToDoc(row);
          if (query.fields) {
            doc._source[row.type] = pickFields(doc._source[row.type], query.fields);
          }
          return { ...doc, _score: row.score };
        });
        return { total, hits };
      } finally {
        this.activeSearch = undefined;
      }
    });
  }

  public scan(query: SavedObjectsBackendScanQuery): Promise<SavedObjectsBackendScanPage> {
    assertScanQuery(query);
    return this.connection.read(() => {
      // One row more than the page tells whether another page follows, so the last page says so itself.
      const rows = this.scanStatement.all(query.type, query.cursor ?? '', query.size + 1);
      const more = rows.length > query.size;
      const hits = rows.slice(0, query.size).map((row) => {
        const doc = rowToDoc(row);
        if (query.fields) {
          doc._source[row.type] = pickFields(doc._source[row.type], query.fields);
        }
        return doc;
      });
      // The cursor is the last raw id: any string is a valid keyset bound, and nothing is held open.
      return more ? { hits, cursor: hits[hits.length - 1]._id } : { hits };
    });
  }

  /** One GROUP BY over the type's rows (prepared per call: the SQL follows the query's shape). */
  public aggregate(query: SavedObjectsBackendAggregateQuery): Promise<SavedObjectsAggregateRow[]> {
    assertAggregateQuery(query);
    const { sql, params } = buildAggregateStatement(query);
    return this.connection.read(() =>
      toAggregateRows(query, this.connection.db.prepare(sql).all(...params) as Array<Record<string, unknown>>)
    );
  }

  /** Backs the SQL search function: scores one row for the find being run. */
  private scoreRow(attributes: string | null, source: string): number {
    const search = this.activeSearch;
    if (!search) {
      return 1;
    }
    const parsed = attributes ? JSON.parse(attributes) : {};
    return scoreDocumentSearch(search, parsed, () => JSON.parse(source));
  }
}

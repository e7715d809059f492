import type { Logger } from '../../../logging/types';
import { mergePartial } from '../merge_partial';
import { pickFields } from '../field_paths';
import { parseSimpleQuery, scoreDocumentSearch, type DocumentSearch } from '../simple_query';
import {
  SavedObjectsBackendError,
  type SavedObjectsBackend,
  type SavedObjectsBackendBulkItemResult,
  type SavedObjectsBackendCounterOperation,
  type SavedObjectsBackendCounterOptions,
  type SavedObjectsBackendCreateItem,
  type SavedObjectsBackendFindQuery,
  type SavedObjectsBackendFindResult,
  type SavedObjectsBackendVersionCheck,
  type SavedObjectsRawDoc,
  type SavedObjectsRawDocSource,
  type SavedObjectsStoredDoc,
} from '../types';
import { buildFindStatements, SEARCH_FUNCTION } from './sqlite_find';
import type { SqliteSynchronousMode } from './sqlite_schema';
import { SqliteConnection, type SqliteStatements } from './sqlite_connection';
import { SqliteCounterThread } from './sqlite_counter_thread';
import { rowToDoc, type SavedObjectRow } from './sqlite_rows';
import { applyCounters, store } from './sqlite_writes';

export interface SqliteSavedObjectsBackendOptions {
  /** The database file; created with its schema when missing. */
  filePath: string;
  logger?: Logger;
  /** How long a write waits for another connection or process holding the lock. Default 10 s. */
  busyTimeoutMs?: number;
  /** See SqliteSynchronousMode; default FULL. */
  synchronous?: SqliteSynchronousMode;
  /**
   * Commit counter increments on a worker thread with its own connection (see SqliteCounterThread),
   * so the event loop keeps serving while they commit. The server's store turns it on; default off.
   */
  counterThread?: boolean;
}

/**
 * The embedded store: one SQLite file holding OpenSearch-shaped raw documents. better-sqlite3 is
 * synchronous, so each call runs to completion on the event loop; across connections and processes,
 * every write is one BEGIN IMMEDIATE transaction, so read-modify-write steps cannot interleave.
 */
export class SqliteSavedObjectsBackend implements SavedObjectsBackend {
  public readonly description: string;
  private connection?: SqliteConnection;
  private counterThread?: SqliteCounterThread;
  /** The search being evaluated by the current find; read by the registered SQL function. */
  private activeSearch?: DocumentSearch;

  constructor(private readonly options: SqliteSavedObjectsBackendOptions) {
    this.description = `sqlite:${options.filePath}`;
  }

  public async open() {
    if (this.connection) {
      return;
    }
    const connection = SqliteConnection.open(
      {
        filePath: this.options.filePath,
        busyTimeoutMs: this.options.busyTimeoutMs ?? 10_000,
        synchronous: this.options.synchronous ?? 'FULL',
        logger: this.options.logger,
      },
      this.description
    );
    // Not declared deterministic: its result depends on the find being run (activeSearch).
    connection.db.function(SEARCH_FUNCTION, (attributes, source) =>
      this.scoreRow(attributes as string | null, source as string)
    );
    this.connection = connection;
    if (this.options.counterThread) {
      try {
        this.counterThread = await SqliteCounterThread.start(
          { filePath: this.options.filePath, busyTimeoutMs: this.options.busyTimeoutMs ?? 10_000, synchronous: this.options.synchronous ?? 'FULL' },
          this.description,
          this.options.logger
        );
      } catch (error) {
        this.connection = undefined;
        connection.close();
        throw error;
      }
    }
  }

  public async close() {
    const connection = this.connection;
    const counterThread = this.counterThread;
    this.connection = undefined;
    this.counterThread = undefined;
    // The thread finishes the increments already sent before its connection closes.
    await counterThread?.close();
    connection?.close();
  }

  public async get(id: string) {
    const { read, statements } = this.session();
    return read(() => {
      const row = statements.select.get(id);
      return row ? rowToDoc(row) : undefined;
    });
  }

  public async mget(ids: string[]) {
    const { read, statements } = this.session();
    // One read transaction: all documents come from the same snapshot.
    return read(() =>
      ids.map((id) => {
        const row = statements.select.get(id);
        return row ? rowToDoc(row) : undefined;
      })
    );
  }

  public async create(item: SavedObjectsBackendCreateItem) {
    const { write, statements } = this.session();
    return write(() => this.createOne(statements, item));
  }

  public async bulkCreate(items: SavedObjectsBackendCreateItem[]) {
    const { write, statements } = this.session();
    // One transaction and so one fsync for the batch; a failing item is reported, not thrown,
    // and does not undo the others (the semantics of OpenSearch's _bulk).
    return write(() =>
      items.map((item): SavedObjectsBackendBulkItemResult => {
        try {
          return { ok: true, doc: this.createOne(statements, item) };
        } catch (error) {
          if (error instanceof SavedObjectsBackendError) {
            return { ok: false, error };
          }
          throw error;
        }
      })
    );
  }

  public async update(
    id: string,
    partial: Partial<SavedObjectsRawDocSource>,
    check: SavedObjectsBackendVersionCheck = {}
  ) {
    const { write, statements } = this.session();
    return write(() => {
      const row = statements.select.get(id);
      if (!row) {
        throw SavedObjectsBackendError.notFound(id);
      }
      const existing = rowToDoc(row);
      assertVersion(id, existing, check);
      const merged = mergePartial(existing._source, partial as Record<string, unknown>);
      return store(statements, { _id: id, _source: merged });
    });
  }

  public async delete(id: string, check: SavedObjectsBackendVersionCheck = {}) {
    const { write, statements } = this.session();
    await write(() => {
      const row = statements.select.get(id);
      if (!row) {
        throw SavedObjectsBackendError.notFound(id);
      }
      assertVersion(id, rowToDoc(row), check);
      statements.remove.run(id);
      // Deletes take a seq_no too, as in OpenSearch, so a re-created document never reuses one.
      statements.nextSeqNo.get();
    });
  }

  public async find(query: SavedObjectsBackendFindQuery): Promise<SavedObjectsBackendFindResult> {
    const { read, db } = this.session();
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
    return read(() => {
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

  public async incrementCounter(op: SavedObjectsBackendCounterOperation) {
    const [doc] = await this.incrementCounters([op]);
    return doc;
  }

  public async incrementCounters(ops: SavedObjectsBackendCounterOperation[], options: SavedObjectsBackendCounterOptions = {}) {
    const { write, statements } = this.session();
    const returnDocs = options.returnDocs !== false;
    // All or nothing, on the thread or here: an error in any operation rolls the whole transaction back.
    return this.counterThread?.alive
      ? this.counterThread.incrementCounters(ops, returnDocs)
      : write(() => applyCounters(statements, ops, returnDocs));
  }

  /** Must run inside a write transaction. */
  private createOne(
    statements: SqliteStatements,
    item: SavedObjectsBackendCreateItem
  ): SavedObjectsStoredDoc {
    const row = statements.select.get(item.doc._id);
    const existing = row ? rowToDoc(row) : undefined;
    if (existing && !item.overwrite) {
      throw SavedObjectsBackendError.conflict(item.doc._id, 'document already exists');
    }
    if (item.ifSeqNo !== undefined || item.ifPrimaryTerm !== undefined) {
      if (!existing) {
        // OpenSearch answers a conditional index of a missing document with a version conflict.
        throw SavedObjectsBackendError.conflict(item.doc._id, 'document missing');
      }
      assertVersion(item.doc._id, existing, item);
    }
    return store(statements, item.doc);
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

  /** The open connection, or `unavailable` (before open, after close). */
  private session() {
    const connection = this.connection;
    if (!connection) {
      throw SavedObjectsBackendError.unavailable(`${this.description} is not open`);
    }
    return {
      db: connection.db,
      statements: connection.statements,
      read: <T>(fn: () => T) => connection.read(fn),
      write: <T>(fn: () => T) => connection.write(fn),
    };
  }
}

function assertVersion(
  id: string,
  existing: SavedObjectsStoredDoc,
  check: SavedObjectsBackendVersionCheck
) {
  if (
    (check.ifSeqNo !== undefined && check.ifSeqNo !== existing._seq_no) ||
    (check.ifPrimaryTerm !== undefined && check.ifPrimaryTerm !== existing._primary_term)
  ) {
    throw SavedObjectsBackendError.conflict(
      id,
      `version conflict, required seqNo [${check.ifSeqNo}], primary term [${check.ifPrimaryTerm}]; ` +
        `current document has seqNo [${existing._seq_no}] and primary term [${existing._primary_term}]`
    );
  }
}

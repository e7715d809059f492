import type { Logger } from '../../../logging/types';
import { mergePartial } from '../merge_partial';
import { assertAggregateQuery } from '../aggregate_query';
import { assertScanQuery } from '../scan_query';
import {
  SavedObjectsBackendError,
  type SavedObjectsAggregateRow,
  type SavedObjectsBackend,
  type SavedObjectsBackendAggregateQuery,
  type SavedObjectsBackendBulkItemResult,
  type SavedObjectsBackendCounterOperation,
  type SavedObjectsBackendCounterOptions,
  type SavedObjectsBackendCreateItem,
  type SavedObjectsBackendFindQuery,
  type SavedObjectsBackendFindResult,
  type SavedObjectsBackendScanPage,
  type SavedObjectsBackendScanQuery,
  type SavedObjectsBackendVersionCheck,
  type SavedObjectsRawDoc,
  type SavedObjectsRawDocSource,
  type SavedObjectsStoredDoc,
} from '../types';
import type { SqliteSynchronousMode } from './sqlite_schema';
import { SqliteConnection, type SqliteStatements } from './sqlite_connection';
import { SqliteCounterThread } from './sqlite_counter_thread';
import { SqliteReaderThread } from './sqlite_reader_thread';
import { SqliteReader } from './sqlite_reads';
import { rowToDoc } from './sqlite_rows';
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
  /**
   * Answer `find` and `scan` on a worker thread with its own connection (see SqliteReaderThread), so a
   * read of many rows never stops the event loop. The server's store turns it on; default off.
   */
  readerThread?: boolean;
}

/**
 * The embedded store: one SQLite file holding OpenSearch-shaped raw documents. better-sqlite3 is
 * synchronous, so each call runs to completion on the event loop; across connections and processes,
 * every write is one BEGIN IMMEDIATE transaction, so read-modify-write steps cannot interleave. The
 * calls that can take long (counter commits, finds and scans) can run on worker threads instead, each
 * with its own connection; point reads (get, mget) and single-document writes stay here.
 */
export class SqliteSavedObjectsBackend implements SavedObjectsBackend {
  public readonly description: string;
  private connection?: SqliteConnection;
  private reader?: SqliteReader;
  private counterThread?: SqliteCounterThread;
  private readerThread?: SqliteReaderThread;

  constructor(private readonly options: SqliteSavedObjectsBackendOptions) {
    this.description = `sqlite:${options.filePath}`;
  }

  public async open() {
    if (this.connection) {
      return;
    }
    const threadData = {
      filePath: this.options.filePath,
      busyTimeoutMs: this.options.busyTimeoutMs ?? 10_000,
      synchronous: this.options.synchronous ?? 'FULL',
    };
    const connection = SqliteConnection.open({ ...threadData, logger: this.options.logger }, this.description);
    this.connection = connection;
    this.reader = new SqliteReader(connection);
    const { logger } = this.options;
    // Both threads boot at once (each loads its modules, a few hundred ms); a failure closes everything.
    const [counter, reader] = await Promise.allSettled([
      this.options.counterThread ? SqliteCounterThread.start(threadData, this.description, logger) : undefined,
      this.options.readerThread ? SqliteReaderThread.start(threadData, this.description, logger) : undefined,
    ]);
    this.counterThread = counter.status === 'fulfilled' ? counter.value : undefined;
    this.readerThread = reader.status === 'fulfilled' ? reader.value : undefined;
    const failed = [counter, reader].find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) {
      await this.close();
      throw failed.reason;
    }
  }

  public async close() {
    const { connection, counterThread, readerThread } = this;
    this.connection = undefined;
    this.reader = undefined;
    this.counterThread = undefined;
    this.readerThread = undefined;
    // The threads finish the calls already sent before their connections close.
    await Promise.all([counterThread?.close(), readerThread?.close()]);
    connection?.close();
  }

  public async get(id: string) {
    const connection = this.openConnection();
    const row = await connection.readOne(() => connection.statements.select.get(id));
    return row ? rowToDoc(row) : undefined;
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
    const { reader } = this.session();
    return this.readerThread?.alive ? this.readerThread.find(query) : reader.find(query);
  }

  public async scan(query: SavedObjectsBackendScanQuery): Promise<SavedObjectsBackendScanPage> {
    const { reader } = this.session();
    assertScanQuery(query);
    return this.readerThread?.alive ? this.readerThread.scan(query) : reader.scan(query);
  }

  /** A GROUP BY over the type's rows, on the reader thread when there is one (it reads every matching row). */
  public async aggregate(query: SavedObjectsBackendAggregateQuery): Promise<SavedObjectsAggregateRow[]> {
    const { reader } = this.session();
    assertAggregateQuery(query);
    return this.readerThread?.alive ? this.readerThread.aggregate(query) : reader.aggregate(query);
  }

  /** A SQLite cursor holds nothing open. */
  public async closeScan(_cursor: string) {}

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

  /** The open connection, or `unavailable` (before open, after close). */
  private openConnection(): SqliteConnection {
    const connection = this.connection;
    if (!connection) {
      throw SavedObjectsBackendError.unavailable(`${this.description} is not open`);
    }
    return connection;
  }

  private session() {
    const connection = this.openConnection();
    return {
      reader: this.reader!,
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

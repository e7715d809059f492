import type Database from 'better-sqlite3';
import { setTimeout as sleep } from 'node:timers/promises';
import { SavedObjectsBackendError } from '../types';
import type { SavedObjectRow } from './sqlite_rows';
import { openSqliteDatabase, type OpenSqliteOptions } from './sqlite_schema';

/**
 * How long one attempt lets SQLite itself wait for a lock. better-sqlite3 is synchronous, so that
 * wait blocks the event loop: it is kept short, and longer waits happen in `attempt` below, between
 * attempts, with the event loop free to serve other requests.
 */
const LOCK_POLL_MS = 20;

/**
 * The counter policy (`counter_values.ts`) in SQL: only an integer counter whose sum stays a safe
 * integer is raised here (an int64 overflow turns the sum into a REAL, which fails the range check too).
 * Anything else is left to the general path, which applies the policy in JavaScript.
 */
const RAISE_COUNTERS_SQL = `WITH b AS MATERIALIZED (
    -- Each entry's fields read once (reading them in place parses the entry again for every use).
    SELECT value ->> 0 AS i, value ->> 1 AS raw_id, value ->> 2 AS type, value ->> 3 AS path,
      value ->> 4 AS increment, value ->> 5 AS time
    FROM json_each(@batch)
  )
  UPDATE saved_objects SET
    attributes = json_set(attributes, b.path, json_extract(attributes, b.path) + b.increment),
    source = json_set(source, '$.updated_at', b.time),
    updated_at = b.time,
    seq_no = @first_seq_no + b.i
  FROM b
  WHERE saved_objects.raw_id = b.raw_id AND saved_objects.type = b.type
    AND json_type(saved_objects.attributes, b.path) = 'integer'
    AND json_extract(saved_objects.attributes, b.path) + b.increment
      BETWEEN -${Number.MAX_SAFE_INTEGER} AND ${Number.MAX_SAFE_INTEGER}`;

function prepareStatements(db: Database.Database) {
  return {
    select: db.prepare<[string], SavedObjectRow>(
      'SELECT raw_id, type, attributes, source, seq_no, primary_term FROM saved_objects WHERE raw_id = ?'
    ),
    nextSeqNo: db.prepare<[], { value: number }>(
      "UPDATE saved_objects_meta SET value = value + 1 WHERE key = 'last_seq_no' RETURNING value"
    ),
    /** Takes `count` seq_nos at once; returns the last (the first is `value - count + 1`). */
    reserveSeqNos: db.prepare<[number], { value: number }>(
      "UPDATE saved_objects_meta SET value = value + ? WHERE key = 'last_seq_no' RETURNING value"
    ),
    upsert: db.prepare(
      `INSERT INTO saved_objects (raw_id, type, object_id, attributes, source, updated_at, seq_no, primary_term)
       VALUES (@raw_id, @type, @object_id, @attributes, @source, @updated_at, @seq_no, @primary_term)
       ON CONFLICT (raw_id) DO UPDATE SET type = excluded.type, object_id = excluded.object_id,
         attributes = excluded.attributes, source = excluded.source, updated_at = excluded.updated_at,
         seq_no = excluded.seq_no, primary_term = excluded.primary_term`
    ),
    remove: db.prepare<[string]>('DELETE FROM saved_objects WHERE raw_id = ?'),
    // Raises the counters of a batch that exist, hold integers and stay safe integers. `batch` is a JSON array of
    // [index, raw_id, type, JSON path, increment, time]; the row of entry i gets seq_no first + i.
    // Rows not returned take the general path. The second form returns only which rows it raised.
    incrementCounters: db.prepare<[{ batch: string; first_seq_no: number }], { attributes: string; source: string; seq_no: number }>(
      `${RAISE_COUNTERS_SQL} RETURNING attributes, source, seq_no`
    ),
    incrementCountersQuietly: db.prepare<[{ batch: string; first_seq_no: number }], { seq_no: number }>(
      `${RAISE_COUNTERS_SQL} RETURNING seq_no`
    ),
  };
}

export type SqliteStatements = ReturnType<typeof prepareStatements>;

/** One open database handle plus its prepared statements and its lock discipline. */
export class SqliteConnection {
  /**
   * Runs the function it is given inside a transaction. Built once: `db.transaction(fn)` per call costs
   * more than a point read itself, and every read and commit goes through here.
   */
  private readonly inTransaction: Database.Transaction<(fn: () => unknown) => unknown>;

  private constructor(
    public readonly db: Database.Database,
    public readonly statements: SqliteStatements,
    private readonly description: string,
    private readonly busyTimeoutMs: number
  ) {
    this.inTransaction = db.transaction((fn: () => unknown) => fn());
  }

  public static open(options: OpenSqliteOptions, description: string): SqliteConnection {
    // Opening may wait the whole timeout (another process may be creating the schema).
    const db = openSqliteDatabase(options);
    db.pragma(`busy_timeout = ${Math.min(LOCK_POLL_MS, options.busyTimeoutMs)}`);
    return new SqliteConnection(db, prepareStatements(db), description, options.busyTimeoutMs);
  }

  public close() {
    this.db.close();
  }

  /** Runs `fn` in a read transaction: one consistent snapshot, never blocked by writers (WAL). */
  public read<T>(fn: () => T): Promise<T> {
    return this.attempt(() => this.inTransaction.deferred(fn) as T);
  }

  /**
   * Runs `fn`, which runs one statement, without BEGIN and COMMIT around it: a single statement is its own
   * read transaction, with the same snapshot guarantee, and a point read costs little more than the two.
   */
  public readOne<T>(fn: () => T): Promise<T> {
    return this.attempt(fn);
  }

  /**
   * Runs `fn` in a BEGIN IMMEDIATE transaction: the write lock is taken before anything is read,
   * so read-modify-write steps (counters, version checks) cannot interleave with another
   * connection's, in this process or another. `fn` must only touch the database: when the lock is
   * busy it is run again from scratch.
   */
  public write<T>(fn: () => T): Promise<T> {
    return this.attempt(() => this.inTransaction.immediate(fn) as T);
  }

  private async attempt<T>(run: () => T): Promise<T> {
    const deadline = Date.now() + this.busyTimeoutMs;
    for (let tries = 0; ; tries++) {
      if (!this.db.open) {
        // Closed by stop() while this call waited for the lock.
        throw SavedObjectsBackendError.unavailable(`${this.description} is closed`);
      }
      try {
        return run();
      } catch (error) {
        if (!isBusy(error) || Date.now() >= deadline) {
          throw translateSqliteError(error, this.description);
        }
      }
      // Jittered backoff so that two waiting processes do not retry in lockstep.
      const ceiling = Math.min(2 ** tries, 25);
      await sleep(1 + Math.random() * ceiling);
    }
  }
}

function isBusy(error: unknown) {
  const code = (error as { code?: unknown })?.code;
  return code === 'SQLITE_BUSY' || (typeof code === 'string' && code.startsWith('SQLITE_BUSY_'));
}

/**
 * Lock waits past the timeout, and a closed, read-only, full or failing file, mean the store is
 * unavailable (503); anything else is a bug and stays as is (the repository reports a 500).
 */
export function translateSqliteError(error: unknown, description: string): unknown {
  if (error instanceof SavedObjectsBackendError) {
    return error;
  }
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && /^SQLITE_(BUSY|LOCKED|READONLY|CANTOPEN|IOERR|FULL)/.test(code)) {
    return SavedObjectsBackendError.unavailable(`${description}: ${(error as Error).message}`, error);
  }
  return error;
}

import Database from 'better-sqlite3';
import type { Logger } from '../../../logging/types';

/** Bump when the table layout changes; a file written by a newer layout is refused. */
export const SCHEMA_VERSION = 1;

/**
 * Durability of an acknowledged write.
 * - `FULL` (default): with WAL, SQLite fsyncs the log on every commit before the call returns, so a
 *   write that resolved survives kill -9, an OS crash and power loss. This is what OpenSearch does by
 *   default (`index.translog.durability: request` fsyncs before acknowledging), so swapping backends
 *   does not weaken the guarantee. The cost is one fsync per transaction, which is why the batched
 *   calls (`bulkCreate`, `incrementCounters`) exist: callers group many writes into one commit.
 * - `NORMAL`: the commit is written to the OS (so it survives kill -9 of the process, the stated
 *   minimum), but fsync only happens at checkpoints, so the last commits can be lost on power loss.
 *   Faster; meant for tests and throwaway data.
 */
export type SqliteSynchronousMode = 'FULL' | 'NORMAL';

export interface OpenSqliteOptions {
  filePath: string;
  busyTimeoutMs: number;
  synchronous: SqliteSynchronousMode;
  logger?: Logger;
}

const DDL = `
CREATE TABLE IF NOT EXISTS saved_objects (
  raw_id       TEXT PRIMARY KEY NOT NULL,  -- '<type>:<id>', the OpenSearch _id
  type         TEXT NOT NULL,
  object_id    TEXT NOT NULL,              -- <id> alone, for sorting by id
  attributes   TEXT,                       -- JSON of _source[type]
  source       TEXT NOT NULL,              -- JSON of the rest of _source
  updated_at   TEXT,
  seq_no       INTEGER NOT NULL,
  primary_term INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS saved_objects_type_id ON saved_objects (type, object_id);
CREATE INDEX IF NOT EXISTS saved_objects_type_updated ON saved_objects (type, updated_at);
-- Keyset scans of one type (scan(): type = ? AND raw_id > ? ORDER BY raw_id) read it in order.
CREATE INDEX IF NOT EXISTS saved_objects_type_raw ON saved_objects (type, raw_id);
-- One row per store-wide counter. 'last_seq_no' makes _seq_no grow across all documents and
-- never repeat, even after deletes, as an OpenSearch shard's does.
CREATE TABLE IF NOT EXISTS saved_objects_meta (
  key   TEXT PRIMARY KEY NOT NULL,
  value INTEGER NOT NULL
);
INSERT OR IGNORE INTO saved_objects_meta (key, value) VALUES ('last_seq_no', -1);
`;

/**
 * Opens (creating if needed) the store file, so that several connections and several processes can
 * share it: WAL lets readers run beside one writer, and the busy timeout makes a writer wait for the
 * lock instead of failing at once. Writers take the lock up front (BEGIN IMMEDIATE, see the backend),
 * which is what makes read-modify-write sequences such as counter increments atomic.
 */
export function openSqliteDatabase(options: OpenSqliteOptions): Database.Database {
  // `timeout` is better-sqlite3's busy_timeout; set first so that the pragmas below wait too.
  const db = new Database(options.filePath, { timeout: options.busyTimeoutMs });
  try {
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (String(mode).toLowerCase() !== 'wal') {
      // E.g. a file system without shared memory support. Still correct, just no concurrent readers.
      options.logger?.warn(`SQLite refused WAL mode for ${options.filePath}; using '${mode}'`);
    }
    db.pragma(`synchronous = ${options.synchronous}`);
    db.transaction(() => {
      const version = Number(db.pragma('user_version', { simple: true }));
      if (version > SCHEMA_VERSION) {
        throw new Error(
          `${options.filePath} has saved objects schema version ${version}, newer than this server's ${SCHEMA_VERSION}`
        );
      }
      db.exec(DDL);
      if (version < SCHEMA_VERSION) {
        db.pragma(`user_version = ${SCHEMA_VERSION}`);
      }
    }).immediate();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

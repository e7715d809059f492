import { join } from 'node:path';
import type { Logger } from '../../../logging/types';
import { deserializeError, ThreadCaller, ThreadStoppedError, type SerializedError } from '../../../worker_threads';
import {
  SavedObjectsBackendError,
  type SavedObjectsBackendCounterOperation,
  type SavedObjectsBackendErrorReason,
  type SavedObjectsStoredDoc,
} from '../types';
import { encodeCounterOperations } from './sqlite_counter_ops';
import type { SqliteSynchronousMode } from './sqlite_schema';

/** What the counter thread opens. */
export interface CounterThreadData {
  filePath: string;
  busyTimeoutMs: number;
  synchronous: SqliteSynchronousMode;
}

export interface CounterThreadRequest {
  /** The operations, encoded by `encodeCounterOperations` (sqlite_counter_ops.ts). */
  opsJson: string;
  returnDocs: boolean;
}

/**
 * Runs counter transactions on a worker thread with its own connection to the store file.
 * better-sqlite3 is synchronous: in-process, every counter commit (the SQL work plus the fsync that
 * makes it durable) stops the event loop, so no request is read or answered meanwhile. Here the main
 * thread keeps serving while the worker commits, and a caller still hears back only once its
 * transaction is durable. The two connections share the file as two processes would (WAL plus
 * BEGIN IMMEDIATE), so reads on the main connection see every acknowledged increment.
 */
export class SqliteCounterThread {
  private constructor(private readonly caller: ThreadCaller<CounterThreadRequest, SavedObjectsStoredDoc[]>) {}

  public static async start(data: CounterThreadData, description: string, logger?: Logger) {
    const caller = await ThreadCaller.start<CounterThreadRequest, SavedObjectsStoredDoc[]>({
      entry: join(__dirname, 'sqlite_counter_worker'),
      workerData: data,
      description: `the counter thread of ${description}`,
      logger,
      reviveError: reviveBackendError,
    });
    return new SqliteCounterThread(caller);
  }

  /** False once the thread is closed or died; the backend then commits on its own connection. */
  public get alive() {
    return this.caller.alive;
  }

  /** `returnDocs: false` spares copying the documents back across threads, which costs more than sending the batch. */
  public async incrementCounters(ops: SavedObjectsBackendCounterOperation[], returnDocs: boolean) {
    try {
      return await this.caller.call({ opsJson: encodeCounterOperations(ops), returnDocs });
    } catch (error) {
      if (!(error instanceof ThreadStoppedError)) throw error;
      // The transaction in flight either committed or rolled back; the caller cannot know which.
      throw SavedObjectsBackendError.unavailable(error.message, error);
    }
  }

  /** Finishes the increments already sent, then closes the thread's connection. */
  public close() {
    return this.caller.close();
  }
}

/** Callers see the same error classes as in-process (shared with the reader thread). */
export function reviveBackendError(error: SerializedError): Error {
  if (error.name === 'SavedObjectsBackendError') {
    const { reason, id } = error.fields;
    return new SavedObjectsBackendError(reason as SavedObjectsBackendErrorReason, error.message, id as string | undefined);
  }
  return deserializeError(error);
}

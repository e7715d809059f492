import { join } from 'node:path';
import type { Logger } from '../../../logging/types';
import { ThreadCaller, ThreadStoppedError } from '../../../worker_threads';
import {
  SavedObjectsBackendError,
  type SavedObjectsAggregateRow,
  type SavedObjectsBackendAggregateQuery,
  type SavedObjectsBackendFindQuery,
  type SavedObjectsBackendFindResult,
  type SavedObjectsBackendScanPage,
  type SavedObjectsBackendScanQuery,
} from '../types';
import { reviveBackendError, type CounterThreadData } from './sqlite_counter_thread';

/** What the reader thread opens: the same file and lock settings as the counter thread. */
export type ReaderThreadData = CounterThreadData;

export type ReaderThreadRequest =
  | { op: 'find'; query: SavedObjectsBackendFindQuery }
  | { op: 'scan'; query: SavedObjectsBackendScanQuery }
  | { op: 'aggregate'; query: SavedObjectsBackendAggregateQuery };

/**
 * Runs finds and scans on a worker thread with its own read connection to the store file. better-sqlite3
 * is synchronous, so on the main connection a read of many rows (a find over a large type, a deep OFFSET,
 * the JSON parsing of every row) stops the event loop for as long as it takes: with a few hundred thousand
 * ui-metric objects, every `/api/stats` froze the server for seconds. Here the SQL and the row parsing
 * happen on the thread; the main thread only parses one JSON string per answer, which for a bounded page
 * takes a millisecond or two. WAL lets this connection read beside the writers; each call is its own read
 * transaction, so it sees every write acknowledged before it was sent.
 */
export class SqliteReaderThread {
  private constructor(private readonly caller: ThreadCaller<ReaderThreadRequest, string>) {}

  public static async start(data: ReaderThreadData, description: string, logger?: Logger) {
    const caller = await ThreadCaller.start<ReaderThreadRequest, string>({
      entry: join(__dirname, 'sqlite_reader_worker'),
      workerData: data,
      description: `the reader thread of ${description}`,
      logger,
      reviveError: reviveBackendError,
    });
    return new SqliteReaderThread(caller);
  }

  /** False once the thread is closed or died; the backend then reads on its own connection. */
  public get alive() {
    return this.caller.alive;
  }

  public find(query: SavedObjectsBackendFindQuery): Promise<SavedObjectsBackendFindResult> {
    return this.call({ op: 'find', query });
  }

  public scan(query: SavedObjectsBackendScanQuery): Promise<SavedObjectsBackendScanPage> {
    return this.call({ op: 'scan', query });
  }

  public aggregate(query: SavedObjectsBackendAggregateQuery): Promise<SavedObjectsAggregateRow[]> {
    return this.call({ op: 'aggregate', query });
  }

  /** Answers the reads already sent, then closes the thread's connection. */
  public close() {
    return this.caller.close();
  }

  private async call<T>(request: ReaderThreadRequest): Promise<T> {
    let json: string;
    try {
      json = await this.caller.call(request);
    } catch (error) {
      if (!(error instanceof ThreadStoppedError)) throw error;
      throw SavedObjectsBackendError.unavailable(error.message, error);
    }
    return JSON.parse(json) as T;
  }
}

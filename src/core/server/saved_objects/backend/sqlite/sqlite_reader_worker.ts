/*
 * The reader thread's body (see sqlite_reader_thread.ts): its own connection to the store file, answering
 * finds, scans and aggregations with the very code the main connection uses (SqliteReader), as one JSON string each.
 */
import { workerData } from 'node:worker_threads';
import { serveThreadCalls } from '../../../worker_threads';
import { SqliteConnection } from './sqlite_connection';
import { SqliteReader } from './sqlite_reads';
import type { ReaderThreadData, ReaderThreadRequest } from './sqlite_reader_thread';

const { filePath, busyTimeoutMs, synchronous } = workerData as ReaderThreadData;
let connection: SqliteConnection | undefined;
let reader: SqliteReader | undefined;

serveThreadCalls<ReaderThreadRequest, string>({
  open: () => {
    connection = SqliteConnection.open({ filePath, busyTimeoutMs, synchronous }, `sqlite:${filePath} (reader thread)`);
    reader = new SqliteReader(connection);
  },
  handle: async (request) => {
    // One string instead of an object graph: posting it costs the main thread a copy and one JSON.parse.
    const result =
      request.op === 'find'
        ? await reader!.find(request.query)
        : request.op === 'scan'
          ? await reader!.scan(request.query)
          : await reader!.aggregate(request.query);
    return JSON.stringify(result);
  },
  close: () => connection?.close(),
});

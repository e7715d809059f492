/*
 * The counter thread's body (see sqlite_counter_thread.ts): a second SQLite backend over the same
 * file, on its own connection, applying the counter batches the main thread posts. It runs the very
 * code of an in-process `incrementCounters`, so both paths store identical documents.
 */
import { workerData } from 'node:worker_threads';
import { serveThreadCalls } from '../../../worker_threads';
import type { SavedObjectsStoredDoc } from '../types';
import { SqliteSavedObjectsBackend } from './sqlite_backend';
import { decodeCounterOperations } from './sqlite_counter_ops';
import type { CounterThreadData, CounterThreadRequest } from './sqlite_counter_thread';

const { filePath, busyTimeoutMs, synchronous } = workerData as CounterThreadData;
const backend = new SqliteSavedObjectsBackend({ filePath, busyTimeoutMs, synchronous, counterThread: false });

serveThreadCalls<CounterThreadRequest, SavedObjectsStoredDoc[]>({
  open: () => backend.open(),
  handle: ({ opsJson, returnDocs }) => backend.incrementCounters(decodeCounterOperations(opsJson), { returnDocs }),
  close: () => backend.close(),
});

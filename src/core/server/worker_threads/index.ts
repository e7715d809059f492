export { createWorker } from './create_worker';
export { ThreadCaller, type ThreadCallerOptions } from './thread_caller';
export { serveThreadCalls, type ThreadCallHandlers } from './serve_thread_calls';
export { deserializeError, type SerializedError } from './messages';
export { ThreadStoppedError } from './thread_caller';

/** What crosses between a ThreadCaller and its worker (see serveThreadCalls). */
export type CallerMessage<TRequest> = { type: 'call'; seq: number; request: TRequest } | { type: 'close' };

export type WorkerMessage<TReply> =
  | { type: 'ready' }
  | { type: 'failed'; error: SerializedError }
  | { type: 'reply'; seq: number; reply: TReply }
  | { type: 'error'; seq: number; error: SerializedError };

/**
 * An error as it crosses the thread boundary: class instances arrive as plain objects, so the name,
 * message and own data fields (a `code`, a `reason`...) travel and the caller rebuilds what it needs.
 */
export interface SerializedError {
  name: string;
  message: string;
  fields: Record<string, string | number | boolean | undefined>;
}

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) {
    return { name: 'Error', message: String(error), fields: {} };
  }
  const fields: SerializedError['fields'] = {};
  for (const [key, value] of Object.entries(error)) {
    if (['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value as string | number | boolean;
  }
  return { name: error.name, message: error.message, fields };
}

/** The default revival: an Error with the same name, message and data fields. */
export function deserializeError({ name, message, fields }: SerializedError): Error {
  const error = Object.assign(new Error(message), fields);
  error.name = name;
  return error;
}

import { errors } from '@opensearch-project/opensearch';
import { SavedObjectsBackendError } from '../types';

/** The `error` object of an OpenSearch response or of one `_bulk` item. */
export interface OpenSearchErrorCause {
  type?: string;
  reason?: string | null;
  caused_by?: OpenSearchErrorCause;
  root_cause?: OpenSearchErrorCause[];
}

/**
 * The most specific reason in a cause chain. A Painless `throw` surfaces three levels down
 * (illegal_argument "failed to execute script" → script_exception "runtime error" → the message
 * the script threw), and that innermost message is the one worth showing to a caller.
 */
export function innermostReason(cause: OpenSearchErrorCause | undefined): string {
  let reason = cause?.reason ?? cause?.type ?? 'unknown error';
  for (let current = cause?.caused_by; current; current = current.caused_by) {
    if (current.reason) {
      reason = current.reason;
    }
  }
  return reason;
}

/**
 * Maps an HTTP status and OpenSearch error to a backend error with a backend-neutral reason,
 * or undefined when the status has no such reason (the caller then rethrows the original, which
 * the repository reports as a 500). `id` is the raw document id concerned, if any.
 */
export function fromOpenSearchError(
  status: number,
  cause: OpenSearchErrorCause | undefined,
  id?: string
): SavedObjectsBackendError | undefined {
  const reason = innermostReason(cause);
  const type = cause?.type;
  // A missing index is a broken store, not a missing object: writes would otherwise auto-create
  // an index without our mappings. 503 tells the operator to look at the cluster.
  if (type === 'index_not_found_exception') {
    return SavedObjectsBackendError.unavailable(`The saved objects index is missing: ${reason}`);
  }
  switch (status) {
    case 400:
      return SavedObjectsBackendError.badRequest(id ? `[${id}]: ${reason}` : reason, id);
    case 401:
      return new SavedObjectsBackendError('not_authorized', reason, id);
    case 403:
      return new SavedObjectsBackendError('forbidden', reason, id);
    case 404:
      return id
        ? SavedObjectsBackendError.notFound(id)
        : new SavedObjectsBackendError('not_found', reason);
    case 409:
      return SavedObjectsBackendError.conflict(id ?? 'unknown', reason);
    case 429:
      return new SavedObjectsBackendError('too_many_requests', reason, id);
    case 502:
    case 503:
    case 504:
      return SavedObjectsBackendError.unavailable(`OpenSearch answered ${status}: ${reason}`);
    default:
      return undefined;
  }
}

/** Errors of the client that mean the cluster could not be reached or did not answer in time. */
export function isUnreachableError(error: unknown): boolean {
  return (
    error instanceof errors.ConnectionError ||
    error instanceof errors.NoLivingConnectionsError ||
    error instanceof errors.TimeoutError ||
    error instanceof errors.RequestAbortedError
  );
}

/**
 * Whatever a client call threw, as the backend contract wants it: a `SavedObjectsBackendError`
 * for every failure with a meaning to callers (conflict, not found, bad request, cluster
 * unreachable...), and the original error otherwise.
 */
export function toBackendError(error: unknown, id?: string): unknown {
  if (error instanceof SavedObjectsBackendError) {
    return error;
  }
  if (error instanceof errors.ResponseError) {
    const body = error.body as { error?: OpenSearchErrorCause | string } | undefined;
    const cause =
      typeof body?.error === 'string' ? { reason: body.error } : (body?.error ?? undefined);
    return fromOpenSearchError(error.statusCode, cause, id) ?? error;
  }
  if (isUnreachableError(error)) {
    const message = (error as Error).message;
    return SavedObjectsBackendError.unavailable(`OpenSearch is unreachable: ${message}`, error);
  }
  return error;
}

/** Runs a client call, turning its failure into a backend error about `id`. */
export async function callOpenSearch<T>(id: string | undefined, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toBackendError(error, id);
  }
}

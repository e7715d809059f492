import { SavedObjectsBackendError } from '../backend/types';
import { SavedObjectsClientError, SavedObjectsErrorHelpers } from '../errors';

/**
 * Turns whatever a backend threw into a saved objects client error, naming the object concerned.
 * Any backend maps to the same errors this way, so callers never see store-specific failures.
 * Unexpected errors become 500s, as upstream decorates every failed OpenSearch call.
 */
export function toClientError(error: unknown, type: string, id: string): SavedObjectsClientError {
  if (error instanceof SavedObjectsClientError) {
    return error;
  }
  if (error instanceof SavedObjectsBackendError) {
    switch (error.reason) {
      case 'conflict':
        return SavedObjectsErrorHelpers.createConflictError(type, id);
      case 'not_found':
        return SavedObjectsErrorHelpers.createGenericNotFoundError(type, id);
      case 'bad_request':
        return SavedObjectsErrorHelpers.createBadRequestError(error.message);
      case 'unavailable':
        return SavedObjectsErrorHelpers.decorateOpenSearchUnavailableError(error);
      case 'too_many_requests':
        return SavedObjectsErrorHelpers.decorateTooManyRequestsError(error);
      case 'not_authorized':
        return SavedObjectsErrorHelpers.decorateNotAuthorizedError(error);
      case 'forbidden':
        return SavedObjectsErrorHelpers.decorateForbiddenError(error);
    }
  }
  const cause = error instanceof Error ? error : new Error(String(error));
  return SavedObjectsErrorHelpers.decorateGeneralError(cause);
}

/** Runs a backend call, rethrowing its failure as a client error about `type`/`id`. */
export async function callBackend<T>(type: string, id: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toClientError(error, type, id);
  }
}

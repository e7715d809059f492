/**
 * What every `/api/saved_objects` handler shares: the request's client, the rule that decides which
 * types the API exposes, and the mapping of saved-object errors to HTTP answers.
 */
import type { CoreUsageCounterSink } from '../../core_usage_data/types';
import type { RequestHandler, RequestHandlerContext } from '../../http';
import { errorContent, SavedObjectsErrorHelpers } from '../errors';
import type { SavedObjectsClientContract } from '../repository/saved_objects_client';
import type { ISavedObjectTypeRegistry } from '../saved_objects_type_registry';
import type { SavedObject } from '../types';

export interface SavedObjectsRouteServices {
  client: SavedObjectsClientContract;
  /** Whether the API may touch `type`: registered and not hidden. */
  isExposed(type: string): boolean;
}

/**
 * The request's client and the exposure rule. The routes check types against the registry themselves
 * rather than trusting the client to refuse hidden ones: the request's client could one day be created
 * with `includedHiddenTypes` for another caller's sake, and users, API keys and sessions must still stay
 * out of reach of this API. An unknown and a hidden type get the same answers, so neither is revealed.
 */
export function servicesOf(context: RequestHandlerContext): SavedObjectsRouteServices {
  const { client, typeRegistry } = context.core.savedObjects as {
    client: SavedObjectsClientContract;
    typeRegistry: ISavedObjectTypeRegistry;
  };
  return {
    client,
    isExposed: (type) => typeRegistry.getType(type) !== undefined && !typeRegistry.isHidden(type),
  };
}

/**
 * Single-object routes answer an unknown or hidden type as a missing object (404), as upstream, so
 * neither is revealed.
 */
export function assertExposed({ isExposed }: SavedObjectsRouteServices, type: string, id: string): void {
  if (!isExposed(type)) throw SavedObjectsErrorHelpers.createGenericNotFoundError(type, id);
}

/**
 * Bulk reads and creates answer each object of an unknown or hidden type with a 400 "Unsupported saved
 * object type" entry, as upstream: those entries by position, for `mergeBulk`.
 */
export function refuseUnexposed(items: ReadonlyArray<{ type: string; id?: string }>, { isExposed }: SavedObjectsRouteServices) {
  const refused = new Map<number, SavedObject>();
  items.forEach(({ type, id }, index) => {
    if (!isExposed(type)) refused.set(index, errorEntry(type, id, SavedObjectsErrorHelpers.createUnsupportedTypeError(type)));
  });
  return refused;
}

/** What the routes get from the rest of core. */
export interface SavedObjectsRoutesDeps {
  /** Where each call is counted (`savedObjects.<method>`), as core's usage counter. */
  usageCounter?: CoreUsageCounterSink;
}

/**
 * Counts one call of `method` (`savedObjects.get`…) as it arrives, whatever its answer: an in-memory
 * increment, so it never fails or slows the request.
 */
export function countAs({ usageCounter }: SavedObjectsRoutesDeps, method: string): (() => void) | undefined {
  if (!usageCounter) return undefined;
  const counterName = `savedObjects.${method}`;
  return () => usageCounter.incrementUsageCounter({ counterName });
}

/**
 * Answers a saved-object error with its own status and message, as upstream's `handleLegacyErrors`
 * (`{ statusCode, error, message }`), 5xx included so a store that is down is a 503, not a 500. General
 * errors (bugs, unexpected store failures) are rethrown: the server logs them and answers a bare 500.
 */
export function withErrorMapping<P, Q, B>(handler: RequestHandler<P, Q, B>, count?: () => void): RequestHandler<P, Q, B> {
  return async (context, request, response) => {
    count?.();
    try {
      return await handler(context, request, response);
    } catch (error) {
      if (SavedObjectsErrorHelpers.isSavedObjectsClientError(error) && !SavedObjectsErrorHelpers.isGeneralError(error)) {
        return response.customError({ statusCode: error.statusCode, body: { message: error.output.payload.message } });
      }
      throw error;
    }
  };
}

/**
 * A bulk entry for an object the API does not expose, or that failed on its own: `{ id, type, error }`
 * as upstream. Only expected saved-object errors (404, 409, 400, 503…) become entries; a general error
 * (a bug, an unexpected store failure) fails the whole call, so that it is logged.
 */
export function errorEntry<T>(type: string, id: string | undefined, error: unknown): SavedObject<T> {
  if (!SavedObjectsErrorHelpers.isSavedObjectsClientError(error) || SavedObjectsErrorHelpers.isGeneralError(error)) {
    throw error;
  }
  return { ...(id !== undefined && { id }), type, error: errorContent(error) } as SavedObject<T>;
}

/**
 * Runs `pending` through `call` (one store call for the whole batch) and puts each result back at the
 * position of its request, next to the entries already decided (objects the API refused).
 */
export async function mergeBulk<I, R>(
  items: I[],
  refused: Map<number, R>,
  call: (pending: I[]) => Promise<R[]>
): Promise<R[]> {
  const positions = items.map((_item, index) => index).filter((index) => !refused.has(index));
  const results = positions.length > 0 ? await call(positions.map((index) => items[index])) : [];
  const merged: R[] = new Array(items.length);
  refused.forEach((entry, index) => (merged[index] = entry));
  positions.forEach((index, i) => (merged[index] = results[i]));
  return merged;
}

import type {
  SavedObjectsBackendCounterOperation,
  SavedObjectsStoredDoc,
} from '../backend/types';
import { isSafeCounterValue, MAX_COUNTER_VALUE } from '../backend/counter_values';
import { SavedObjectsErrorHelpers } from '../errors';
import type { ISavedObjectTypeRegistry } from '../saved_objects_type_registry';
import type { SavedObject, SavedObjectsIncrementCounterOperation } from '../types';
import { encodeHitVersion } from '../version';
import { toClientError } from './backend_errors';
import { buildSource, idFromRawId, namespacesOf, rawIdFor } from './raw_doc_conversion';

/**
 * Checks the arguments of one increment (the type must already be known allowed) and builds the
 * backend's scripted-upsert operation. The argument errors are upstream's plain Errors; a bad
 * id or increment is a 400 here, since a NaN or a fraction would silently poison a stored counter.
 */
export function toCounterOperation(
  registry: ISavedObjectTypeRegistry,
  operation: SavedObjectsIncrementCounterOperation,
  time: string
): SavedObjectsBackendCounterOperation {
  const { type, id, counterFieldName, migrationVersion, upsertAttributes } = operation;
  if (typeof type !== 'string') {
    throw new Error('"type" argument must be a string');
  }
  if (typeof counterFieldName !== 'string') {
    throw new Error('"counterFieldName" argument must be a string');
  }
  if (typeof id !== 'string' || id.length === 0) {
    throw SavedObjectsErrorHelpers.createBadRequestError('"id" must be a non-empty string');
  }
  const incrementBy = operation.incrementBy ?? 1;
  // The store's counter policy (backend/counter_values.ts), checked first here so a bad increment is a
  // 400 naming the argument before anything reaches a backend.
  if (!isSafeCounterValue(incrementBy)) {
    throw SavedObjectsErrorHelpers.createBadRequestError(
      `"incrementBy" must be a safe integer (a whole number within ±${MAX_COUNTER_VALUE}), got ${String(incrementBy)}`
    );
  }
  if (upsertAttributes !== undefined && !isPlainObject(upsertAttributes)) {
    throw SavedObjectsErrorHelpers.createBadRequestError('"upsertAttributes" must be an object when given');
  }
  return {
    id: rawIdFor(type, id),
    type,
    counterFieldName,
    incrementBy,
    time,
    // Stored as is when the object does not exist yet: the counter starts at the increment.
    upsert: buildSource(registry, {
      type,
      // The counter field last: a new counter always starts at the increment.
      attributes: upsertAttributes ? { ...upsertAttributes, [counterFieldName]: incrementBy } : { [counterFieldName]: incrementBy },
      migrationVersion,
      updatedAt: time,
    }),
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The object incrementCounter returns, shaped as upstream's. */
export function counterResult(
  registry: ISavedObjectTypeRegistry,
  type: string,
  id: string,
  stored: SavedObjectsStoredDoc
): SavedObject {
  const source = stored._source;
  return {
    id,
    type,
    ...(registry.isMultiNamespace(type) && { namespaces: namespacesOf(registry, type, source) }),
    ...(source.originId && { originId: source.originId }),
    updated_at: source.updated_at,
    references: source.references ?? [],
    version: encodeHitVersion(stored),
    attributes: source[type],
  };
}

/** Runs a batch's backend write; a failure becomes a client error about the operation it names (else the first). */
export async function callCounterBatch<T>(ops: SavedObjectsBackendCounterOperation[], write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const failed = ops.find((op) => op.id === (error as { id?: unknown })?.id) ?? ops[0];
    throw toClientError(error, failed.type, idFromRawId(failed.type, failed.id));
  }
}

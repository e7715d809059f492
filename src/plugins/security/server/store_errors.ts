/* Saved-object error checks the stores share; the repository throws typed errors with these codes. */
import { SavedObjectsErrorHelpers } from '../../../core/server';

export const isNotFound = (error: unknown) => SavedObjectsErrorHelpers.isNotFoundError(error);
export const isConflict = (error: unknown) => SavedObjectsErrorHelpers.isConflictError(error);

/** Runs `op`, turning a 404 into `fallback` (for reads and deletes of things that may be gone). */
export async function unlessNotFound<T, F>(op: () => Promise<T>, fallback: F): Promise<T | F> {
  try {
    return await op();
  } catch (error) {
    if (isNotFound(error)) return fallback;
    throw error;
  }
}

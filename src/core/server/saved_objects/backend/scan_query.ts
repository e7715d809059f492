import { SavedObjectsBackendError, type SavedObjectsBackendScanQuery } from './types';

/** The scan arguments every backend refuses alike (the repository checks first, naming its options). */
export function assertScanQuery(query: SavedObjectsBackendScanQuery) {
  if (typeof query.type !== 'string' || query.type.length === 0) {
    throw SavedObjectsBackendError.badRequest('scan: [type] must be a non-empty string');
  }
  if (!Number.isSafeInteger(query.size) || query.size < 1) {
    throw SavedObjectsBackendError.badRequest(`scan: [size] must be a positive integer, got ${String(query.size)}`);
  }
  if (query.cursor !== undefined && (typeof query.cursor !== 'string' || query.cursor.length === 0)) {
    throw SavedObjectsBackendError.badRequest('scan: [cursor] must be a cursor a previous page returned');
  }
}

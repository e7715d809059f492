import type { SavedObjectsBackend } from '../backend/types';
import { SavedObjectsErrorHelpers } from '../errors';
import type { ISavedObjectTypeRegistry } from '../saved_objects_type_registry';
import type { SavedObject, SavedObjectsScanOptions } from '../types';
import { callBackend } from './backend_errors';
import { rawToSavedObject } from './raw_doc_conversion';

export const SCAN_DEFAULT_PER_PAGE = 1000;
/** The largest page: one page is one read held in memory at once, on both ends. */
export const SCAN_MAX_PER_PAGE = 10_000;

export interface NormalizedScan {
  /** The requested types this repository may read, deduplicated, in the order asked. */
  types: string[];
  perPage: number;
  fields?: string[];
}

/** Checks scan options (400 naming the option); types that may not be read are dropped, as find does. */
export function normalizeScanOptions(options: SavedObjectsScanOptions, allowedTypes: readonly string[]): NormalizedScan {
  const { type, fields, perPage = SCAN_DEFAULT_PER_PAGE } = options ?? ({} as SavedObjectsScanOptions);
  const types = Array.isArray(type) ? type : [type];
  if (types.length === 0 || types.some((t) => typeof t !== 'string' || t.length === 0)) {
    throw SavedObjectsErrorHelpers.createBadRequestError('options.type must be a string or an array of strings');
  }
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > SCAN_MAX_PER_PAGE) {
    throw SavedObjectsErrorHelpers.createBadRequestError(
      `options.perPage must be an integer from 1 to ${SCAN_MAX_PER_PAGE}, got ${String(perPage)}`
    );
  }
  if (fields !== undefined && (!Array.isArray(fields) || fields.some((f) => typeof f !== 'string'))) {
    throw SavedObjectsErrorHelpers.createBadRequestError('options.fields must be an array of strings');
  }
  return { types: [...new Set(types)].filter((t) => allowedTypes.includes(t)), perPage, fields };
}

/**
 * The pages of a scan, type after type. A page is asked for only when the caller wants the next one, so
 * the caller's work on a page and the store's reads take turns and a large type never becomes one long
 * read. A caller that stops early (`break`, a throw) releases the store's cursor.
 */
export async function* scanPages<T>(
  backend: SavedObjectsBackend,
  registry: ISavedObjectTypeRegistry,
  scan: NormalizedScan
): AsyncGenerator<Array<SavedObject<T>>, void, undefined> {
  for (const type of scan.types) {
    let cursor: string | undefined;
    try {
      do {
        const query = { type, cursor, size: scan.perPage, fields: scan.fields };
        const page = await callBackend('scan', type, () => backend.scan(query));
        cursor = page.cursor;
        if (page.hits.length > 0) {
          yield page.hits.map((hit) => rawToSavedObject<T>(registry, hit));
        }
      } while (cursor !== undefined);
    } finally {
      if (cursor !== undefined) {
        const open = cursor;
        // Best effort: what is not released expires on its own (OpenSearch: the point in time's keep-alive).
        await backend.closeScan(open).catch(() => undefined);
      }
    }
  }
}

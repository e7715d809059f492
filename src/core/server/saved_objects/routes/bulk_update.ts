import { schema } from '@osd/config-schema';
import type { IRouter } from '../../http';
import { SavedObjectsErrorHelpers } from '../errors';
import type { SavedObjectsClientContract } from '../repository/saved_objects_client';
import type { SavedObjectReference, SavedObjectsUpdateResponse } from '../types';
import { idSchema, SAVED_OBJECTS_API_LIMITS as limits, SAVED_OBJECTS_API_PATH, typeSchema, updateFields, WRITE_TAGS } from './route_schemas';
import { errorEntry, servicesOf, withErrorMapping, countAs, type SavedObjectsRoutesDeps } from './route_utils';

/**
 * Updates in flight at once. The repository has no batch update, so each object is its own write; on
 * OpenSearch each waits for a refresh (up to a second), and concurrent writes share that wait.
 */
export const BULK_UPDATE_CONCURRENCY = 32;

const bulkUpdateBody = schema.arrayOf(
  schema.object({ type: typeSchema, id: idSchema, ...updateFields }),
  { maxSize: limits.maxBulkUpdateObjects }
);

interface UpdateItem {
  type: string;
  id: string;
  attributes: Record<string, unknown>;
  version?: string;
  references?: SavedObjectReference[];
}

type Entry = SavedObjectsUpdateResponse<unknown>;

/**
 * `PUT /api/saved_objects/_bulk_update` `[{ type, id, attributes, version?, references? }]`:
 * `{ saved_objects }` in request order, each the answer of a single update or `{ id, type, error }`
 * (404 when missing, unknown or hidden; 409 for a stale version), as upstream.
 */
export function registerBulkUpdateRoute(router: IRouter, deps: SavedObjectsRoutesDeps = {}) {
  router.put(
    { path: `${SAVED_OBJECTS_API_PATH}/_bulk_update`, validate: { body: bulkUpdateBody }, options: { tags: WRITE_TAGS } },
    withErrorMapping(async (context, request, response) => {
      const { client, isExposed } = servicesOf(context);
      const savedObjects = await updateAll(client, request.body, isExposed);
      return response.ok({ body: { saved_objects: savedObjects } });
    }, countAs(deps, 'bulkUpdate'))
  );
}

/**
 * Updates of one object run in request order (a later one may carry the version an earlier one made
 * stale, exactly as in one `_bulk`); different objects run concurrently, at most
 * `BULK_UPDATE_CONCURRENCY` at a time.
 */
export async function updateAll(
  client: SavedObjectsClientContract,
  items: UpdateItem[],
  isExposed: (type: string) => boolean
): Promise<Entry[]> {
  const results: Entry[] = new Array(items.length);
  const groups = new Map<string, number[]>();
  items.forEach(({ type, id }, index) => {
    if (!isExposed(type)) {
      results[index] = errorEntry(type, id, SavedObjectsErrorHelpers.createGenericNotFoundError(type, id)) as Entry;
      return;
    }
    const key = JSON.stringify([type, id]);
    groups.set(key, [...(groups.get(key) ?? []), index]);
  });

  const queue = [...groups.values()];
  const worker = async () => {
    for (let group = queue.shift(); group; group = queue.shift()) {
      for (const index of group) {
        const { type, id, attributes, version, references } = items[index];
        try {
          results[index] = await client.update(type, id, attributes, { version, references });
        } catch (error) {
          results[index] = errorEntry(type, id, error) as Entry;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(BULK_UPDATE_CONCURRENCY, queue.length) }, worker));
  return results;
}

import { schema } from '@osd/config-schema';
import type { IRouter } from '../../http';
import {
  fieldSchema,
  idSchema,
  READ_TAGS,
  SAVED_OBJECTS_API_LIMITS as limits,
  SAVED_OBJECTS_API_PATH,
  typeSchema,
} from './route_schemas';
import { mergeBulk, refuseUnexposed, servicesOf, withErrorMapping, countAs, type SavedObjectsRoutesDeps } from './route_utils';

const bulkGetBody = schema.arrayOf(
  schema.object({
    type: typeSchema,
    id: idSchema,
    fields: schema.maybe(schema.arrayOf(fieldSchema, { maxSize: limits.maxListEntries })),
  }),
  { maxSize: limits.maxBulkObjects }
);

/**
 * `POST /api/saved_objects/_bulk_get` `[{ type, id, fields? }]`: `{ saved_objects }` in request order. A
 * missing object is a 404 entry; an unknown or hidden type a 400 "Unsupported saved object type" entry,
 * as upstream, whether or not such an object exists.
 */
export function registerBulkGetRoute(router: IRouter, deps: SavedObjectsRoutesDeps = {}) {
  router.post(
    { path: `${SAVED_OBJECTS_API_PATH}/_bulk_get`, validate: { body: bulkGetBody }, options: { tags: READ_TAGS } },
    withErrorMapping(async (context, request, response) => {
      const services = servicesOf(context);
      const refused = refuseUnexposed(request.body, services);
      const savedObjects = await mergeBulk(request.body, refused, async (pending) => (await services.client.bulkGet(pending)).saved_objects);
      return response.ok({ body: { saved_objects: savedObjects } });
    }, countAs(deps, 'bulkGet'))
  );
}

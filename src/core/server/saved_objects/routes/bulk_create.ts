import { schema } from '@osd/config-schema';
import type { IRouter } from '../../http';
import {
  attributesSchema,
  idSchema,
  migrationVersionSchema,
  referencesSchema,
  SAVED_OBJECTS_API_LIMITS as limits,
  SAVED_OBJECTS_API_PATH,
  typeSchema,
  versionSchema,
  WRITE_TAGS,
} from './route_schemas';
import { mergeBulk, refuseUnexposed, servicesOf, withErrorMapping, countAs, type SavedObjectsRoutesDeps } from './route_utils';

const bulkCreateBody = schema.arrayOf(
  schema.object({
    type: typeSchema,
    id: schema.maybe(idSchema),
    attributes: attributesSchema,
    // With `?overwrite=true`: replace only if the stored object still has this version.
    version: schema.maybe(versionSchema),
    migrationVersion: schema.maybe(migrationVersionSchema),
    references: schema.maybe(referencesSchema),
  }),
  { maxSize: limits.maxBulkObjects }
);

/**
 * `POST /api/saved_objects/_bulk_create` `[{ type, id?, attributes, references? }]` (`?overwrite=true`
 * replaces existing ids): `{ saved_objects }` in request order, in one store call. Each failure is that
 * object's entry (409 for an existing id, 400 for an unknown or hidden type); the others are written.
 */
export function registerBulkCreateRoute(router: IRouter, deps: SavedObjectsRoutesDeps = {}) {
  router.post(
    {
      path: `${SAVED_OBJECTS_API_PATH}/_bulk_create`,
      validate: { query: schema.object({ overwrite: schema.boolean({ defaultValue: false }) }), body: bulkCreateBody },
      options: { tags: WRITE_TAGS },
    },
    withErrorMapping(async (context, request, response) => {
      const services = servicesOf(context);
      const refused = refuseUnexposed(request.body, services);
      const savedObjects = await mergeBulk(
        request.body,
        refused,
        async (pending) => (await services.client.bulkCreate(pending, { overwrite: request.query.overwrite })).saved_objects
      );
      return response.ok({ body: { saved_objects: savedObjects } });
    }, countAs(deps, 'bulkCreate'))
  );
}

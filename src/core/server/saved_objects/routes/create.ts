import { schema, type TypeOf } from '@osd/config-schema';
import type { IRouter } from '../../http';
import { SavedObjectsErrorHelpers } from '../errors';
import {
  attributesSchema,
  idSchema,
  migrationVersionSchema,
  referencesSchema,
  SAVED_OBJECTS_API_PATH,
  typeSchema,
  WRITE_TAGS,
} from './route_schemas';
import { countAs, servicesOf, withErrorMapping, type SavedObjectsRoutesDeps } from './route_utils';

/**
 * `POST /api/saved_objects/{type}/{id?}` `{ attributes, migrationVersion?, references? }`: the new object.
 * Without an id one is generated. 409 when the id exists, unless `?overwrite=true`. An unknown or hidden
 * type is a 400 "Unsupported saved object type", as upstream.
 */
export function registerCreateRoute(router: IRouter, deps: SavedObjectsRoutesDeps = {}) {
  const validate = {
    params: schema.object({ type: typeSchema, id: schema.maybe(idSchema) }),
    query: schema.object({ overwrite: schema.boolean({ defaultValue: false }) }),
    body: schema.object({
      attributes: attributesSchema,
      migrationVersion: schema.maybe(migrationVersionSchema),
      references: schema.maybe(referencesSchema),
    }),
  };
  const handler = withErrorMapping<TypeOf<typeof validate.params>, TypeOf<typeof validate.query>, TypeOf<typeof validate.body>>(
    async (context, request, response) => {
      const { type, id } = request.params;
      const { attributes, migrationVersion, references } = request.body;
      const { client, isExposed } = servicesOf(context);
      if (!isExposed(type)) {
        throw SavedObjectsErrorHelpers.createUnsupportedTypeError(type);
      }
      const created = await client.create(type, attributes, {
        id,
        overwrite: request.query.overwrite,
        migrationVersion,
        references,
      });
      return response.ok({ body: created });
    },
    countAs(deps, 'create')
  );
  // Upstream's one `{type}/{id?}` route, as two: the router takes no `?` in a path.
  router.post({ path: `${SAVED_OBJECTS_API_PATH}/{type}`, validate, options: { tags: WRITE_TAGS } }, handler);
  router.post({ path: `${SAVED_OBJECTS_API_PATH}/{type}/{id}`, validate, options: { tags: WRITE_TAGS } }, handler);
}

import type { IRouter } from '../../http';
import { SAVED_OBJECTS_API_PATH, typeAndIdParams, updateBody, WRITE_TAGS } from './route_schemas';
import { assertExposed, servicesOf, withErrorMapping, countAs, type SavedObjectsRoutesDeps } from './route_utils';

/**
 * `PUT /api/saved_objects/{type}/{id}` `{ attributes, version?, references? }`: merges the attributes into
 * the stored ones and answers with the sent ones, as upstream. 409 when `version` is no longer the
 * object's; 404 when missing, unknown or hidden.
 */
export function registerUpdateRoute(router: IRouter, deps: SavedObjectsRoutesDeps = {}) {
  router.put(
    {
      path: `${SAVED_OBJECTS_API_PATH}/{type}/{id}`,
      validate: {
        params: typeAndIdParams,
        body: updateBody,
      },
      options: { tags: WRITE_TAGS },
    },
    withErrorMapping(async (context, request, response) => {
      const { type, id } = request.params;
      const { attributes, version, references } = request.body;
      const services = servicesOf(context);
      assertExposed(services, type, id);
      return response.ok({ body: await services.client.update(type, id, attributes, { version, references }) });
    }, countAs(deps, 'update'))
  );
}

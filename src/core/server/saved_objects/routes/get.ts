import type { IRouter } from '../../http';
import { READ_TAGS, SAVED_OBJECTS_API_PATH, typeAndIdParams } from './route_schemas';
import { assertExposed, servicesOf, withErrorMapping, countAs, type SavedObjectsRoutesDeps } from './route_utils';

/** `GET /api/saved_objects/{type}/{id}`: one object; 404 when missing, unknown or hidden, as upstream. */
export function registerGetRoute(router: IRouter, deps: SavedObjectsRoutesDeps = {}) {
  router.get(
    { path: `${SAVED_OBJECTS_API_PATH}/{type}/{id}`, validate: { params: typeAndIdParams }, options: { tags: READ_TAGS } },
    withErrorMapping(async (context, request, response) => {
      const { type, id } = request.params;
      const services = servicesOf(context);
      assertExposed(services, type, id);
      return response.ok({ body: await services.client.get(type, id) });
    }, countAs(deps, 'get'))
  );
}

import type { IRouter } from '../../http';
import { SAVED_OBJECTS_API_PATH, typeAndIdParams, WRITE_TAGS } from './route_schemas';
import { assertExposed, servicesOf, withErrorMapping, countAs, type SavedObjectsRoutesDeps } from './route_utils';

/** `DELETE /api/saved_objects/{type}/{id}`: `{}`; 404 when missing, unknown or hidden, as upstream. */
export function registerDeleteRoute(router: IRouter, deps: SavedObjectsRoutesDeps = {}) {
  router.delete(
    { path: `${SAVED_OBJECTS_API_PATH}/{type}/{id}`, validate: { params: typeAndIdParams }, options: { tags: WRITE_TAGS } },
    withErrorMapping(async (context, request, response) => {
      const { type, id } = request.params;
      const services = servicesOf(context);
      assertExposed(services, type, id);
      return response.ok({ body: await services.client.delete(type, id) });
    }, countAs(deps, 'delete'))
  );
}

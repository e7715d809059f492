import type { IRouter } from '../../http';
import { SavedObjectsErrorHelpers } from '../errors';
import { READ_TAGS, SAVED_OBJECTS_API_PATH, typeAndIdParams } from './route_schemas';
import { servicesOf, withErrorMapping } from './route_utils';

/** `GET /api/saved_objects/{type}/{id}`: one object; 404 when missing, unknown or hidden, as upstream. */
export function registerGetRoute(router: IRouter) {
  router.get(
    { path: `${SAVED_OBJECTS_API_PATH}/{type}/{id}`, validate: { params: typeAndIdParams }, options: { tags: READ_TAGS } },
    withErrorMapping(async (context, request, response) => {
      const { type, id } = request.params;
      const { client, isExposed } = servicesOf(context);
      if (!isExposed(type)) {
        throw SavedObjectsErrorHelpers.createGenericNotFoundError(type, id);
      }
      return response.ok({ body: await client.get(type, id) });
    })
  );
}

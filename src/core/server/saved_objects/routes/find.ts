import { schema } from '@osd/config-schema';
import type { IRouter } from '../../http';
import {
  fieldSchema,
  idSchema,
  integerSchema,
  nameListSchema,
  READ_TAGS,
  SAVED_OBJECTS_API_LIMITS as limits,
  SAVED_OBJECTS_API_PATH,
  toList,
  typeSchema,
} from './route_schemas';
import { servicesOf, withErrorMapping, countAs, type SavedObjectsRoutesDeps } from './route_utils';

const referenceTarget = schema.object({ type: typeSchema, id: idSchema });

const findQuery = schema.object({
  type: nameListSchema(typeSchema),
  page: integerSchema({ min: 1, max: limits.maxPage, defaultValue: 1 }),
  per_page: integerSchema({ min: 0, max: limits.maxPerPage, defaultValue: 20 }),
  search: schema.maybe(schema.string({ maxLength: limits.maxSearchLength })),
  default_search_operator: schema.oneOf([schema.literal('OR'), schema.literal('AND')], { defaultValue: 'OR' }),
  search_fields: schema.maybe(nameListSchema(fieldSchema)),
  sort_field: schema.maybe(fieldSchema),
  sort_order: schema.maybe(schema.oneOf([schema.literal('asc'), schema.literal('desc')])),
  fields: schema.maybe(nameListSchema(fieldSchema)),
  // A JSON object (`{"type":…,"id":…}`) as upstream, or a JSON array of them.
  has_reference: schema.maybe(
    schema.oneOf([referenceTarget, schema.arrayOf(referenceTarget, { minSize: 1, maxSize: limits.maxListEntries })])
  ),
});

/**
 * `GET /api/saved_objects/_find`: `{ page, per_page, total, saved_objects }`. Types the API does not expose
 * (unknown or hidden) are left out of the search, as upstream: asking only for such types is an empty
 * page, so the answer never tells whether a hidden type exists, let alone what it holds.
 */
export function registerFindRoute(router: IRouter, deps: SavedObjectsRoutesDeps = {}) {
  router.get(
    { path: `${SAVED_OBJECTS_API_PATH}/_find`, validate: { query: findQuery }, options: { tags: READ_TAGS } },
    withErrorMapping(async (context, request, response) => {
      const query = request.query;
      const { client, isExposed } = servicesOf(context);
      const types = [...new Set(toList(query.type)!)].filter(isExposed);
      if (types.length === 0) {
        return response.ok({ body: { page: query.page, per_page: query.per_page, total: 0, saved_objects: [] } });
      }
      const result = await client.find({
        type: types,
        page: query.page,
        perPage: query.per_page,
        search: query.search,
        defaultSearchOperator: query.default_search_operator,
        searchFields: toList(query.search_fields),
        sortField: query.sort_field,
        sortOrder: query.sort_order,
        fields: toList(query.fields),
        hasReference: query.has_reference,
      });
      return response.ok({ body: result });
    }, countAs(deps, 'find'))
  );
}

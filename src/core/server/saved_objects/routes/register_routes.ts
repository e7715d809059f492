import type { IRouter } from '../../http';
import { registerBulkCreateRoute } from './bulk_create';
import { registerBulkGetRoute } from './bulk_get';
import { registerBulkUpdateRoute } from './bulk_update';
import { registerCreateRoute } from './create';
import { registerDeleteRoute } from './delete';
import { registerFindRoute } from './find';
import { registerGetRoute } from './get';
import type { SavedObjectsRoutesDeps } from './route_utils';
import { registerUpdateRoute } from './update';

/**
 * Upstream's `/api/saved_objects` HTTP API on `router`. Handlers use the request's saved objects client
 * and type registry from `context.core.savedObjects`; callers need `saved_objects:read` or
 * `saved_objects:write` (the routes' `access:` tags) when a security plugin is on. Each call is counted
 * as `savedObjects.<method>` when `deps.usageCounter` is given.
 */
export function registerSavedObjectsRoutes(router: IRouter, deps: SavedObjectsRoutesDeps = {}) {
  registerFindRoute(router, deps);
  registerBulkGetRoute(router, deps);
  registerBulkCreateRoute(router, deps);
  registerBulkUpdateRoute(router, deps);
  registerGetRoute(router, deps);
  registerCreateRoute(router, deps);
  registerUpdateRoute(router, deps);
  registerDeleteRoute(router, deps);
}

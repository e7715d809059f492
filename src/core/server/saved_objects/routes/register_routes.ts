import type { IRouter } from '../../http';
import { registerBulkCreateRoute } from './bulk_create';
import { registerBulkGetRoute } from './bulk_get';
import { registerBulkUpdateRoute } from './bulk_update';
import { registerCreateRoute } from './create';
import { registerDeleteRoute } from './delete';
import { registerFindRoute } from './find';
import { registerGetRoute } from './get';
import { registerUpdateRoute } from './update';

/**
 * Upstream's `/api/saved_objects` HTTP API on `router`. Handlers use the request's saved objects client
 * and type registry from `context.core.savedObjects`; callers need `saved_objects:read` or
 * `saved_objects:write` (the routes' `access:` tags) when a security plugin is on.
 */
export function registerSavedObjectsRoutes(router: IRouter) {
  registerFindRoute(router);
  registerBulkGetRoute(router);
  registerBulkCreateRoute(router);
  registerBulkUpdateRoute(router);
  registerGetRoute(router);
  registerCreateRoute(router);
  registerUpdateRoute(router);
  registerDeleteRoute(router);
}

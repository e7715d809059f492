import { Router } from '../../http';
import { silentLogger } from '../../http/test_utils';
import { registerSavedObjectsRoutes } from './register_routes';

describe('registerSavedObjectsRoutes', () => {
  it("registers upstream's eight routes (create as two), reads needing saved_objects:read and writes saved_objects:write", () => {
    const router = new Router('', silentLogger);
    registerSavedObjectsRoutes(router);
    const table = router.routes.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r.options.tags]);
    const read = ['access:saved_objects:read'];
    const write = ['access:saved_objects:write', 'audit:saved_objects_write'];
    expect(table).toEqual([
      ['GET /api/saved_objects/_find', read],
      ['POST /api/saved_objects/_bulk_get', read],
      ['POST /api/saved_objects/_bulk_create', write],
      ['PUT /api/saved_objects/_bulk_update', write],
      ['GET /api/saved_objects/{type}/{id}', read],
      ['POST /api/saved_objects/{type}', write],
      ['POST /api/saved_objects/{type}/{id}', write],
      ['PUT /api/saved_objects/{type}/{id}', write],
      ['DELETE /api/saved_objects/{type}/{id}', write],
    ]);
    // Every route validates its input; none opts out of xsrf or authentication.
    for (const route of router.routes) {
      expect(route.validate).not.toBe(false);
      expect(route.options.xsrfRequired).toBeUndefined();
      expect(route.options.authRequired).toBeUndefined();
    }
  });
});

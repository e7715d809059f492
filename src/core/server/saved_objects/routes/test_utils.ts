/*
 * For the route unit tests: the routes on core's real HTTP service, in-process, with the request context
 * holding a client the test chooses: a real one over a SQLite store in a temp folder, or a fake.
 */
import { join } from 'node:path';
import { HttpService } from '../../http';
import { silentLogger, testHttpConfig } from '../../http/test_utils';
import { SavedObjectsClient, type SavedObjectsClientContract } from '../repository/saved_objects_client';
import { createTempDir, createTestRegistry, openTestStore } from '../repository/test_utils';
import type { ISavedObjectTypeRegistry } from '../saved_objects_type_registry';
import { registerSavedObjectsRoutes } from './register_routes';
import type { SavedObjectsRoutesDeps } from './route_utils';

export interface RoutesServer {
  url: string;
  /** JSON request with the xsrf header; `body` of the answer parsed. */
  call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  stop(): Promise<void>;
}

export async function startRoutesServer(
  client: SavedObjectsClientContract,
  typeRegistry: ISavedObjectTypeRegistry,
  deps: SavedObjectsRoutesDeps = {}
): Promise<RoutesServer> {
  const http = new HttpService(testHttpConfig, silentLogger);
  const setup = http.setup();
  setup.setCoreContextFactory(() => ({ savedObjects: { client, typeRegistry, getClient: () => client }, uiSettings: { client: null } }));
  registerSavedObjectsRoutes(setup.createRouter(), deps);
  await http.start();
  const url = `http://127.0.0.1:${setup.getServerInfo().port}`;
  return {
    url,
    call: async (method, path, body) => {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: { 'osd-xsrf': 'test', ...(body !== undefined && { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    },
    stop: () => http.stop(),
  };
}

/**
 * The routes over a real SQLite store with the shared test types (`dashboard`, `visualization`, …, and the
 * hidden `secret`, which holds one object). The request's client may reach `secret` on purpose: the routes
 * must refuse hidden types themselves, whatever client they are handed.
 */
export async function startRoutesOnStore() {
  const temp = createTempDir('saved-objects-routes-');
  const store = await openTestStore(join(temp.dir, 'store.sqlite'), { synchronous: 'NORMAL' });
  await store.repositoryWithHidden.create('secret', { value: 'the-secret-value' }, { id: 's1' });
  const server = await startRoutesServer(new SavedObjectsClient(store.repositoryWithHidden), store.registry);
  return {
    ...server,
    repository: store.repository,
    /** For checking that hidden objects are untouched. */
    hiddenRepository: store.repositoryWithHidden,
    stop: async () => {
      await server.stop();
      await store.backend.close();
      temp.cleanup();
    },
  };
}

/** A client whose every method is a jest mock, over the shared test types. */
export function createFakeClient() {
  const client = {
    create: jest.fn(),
    bulkCreate: jest.fn(),
    delete: jest.fn(),
    find: jest.fn(),
    bulkGet: jest.fn(),
    scan: jest.fn(),
    get: jest.fn(),
    update: jest.fn(),
    errors: SavedObjectsClient.errors,
  };
  return { client, registry: createTestRegistry() };
}

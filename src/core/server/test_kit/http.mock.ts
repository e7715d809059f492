/* The kit's HTTP mocks: core's setup/start contracts, a router over the real one, requests and responses. */
import { Subject } from 'rxjs';
import { CspConfig } from '../csp/csp_config';
import {
  AuthStatus,
  responseFactory,
  Router,
  type HttpAuth,
  type HttpResources,
  type HttpServerInfo,
  type HttpServiceSetup,
  type HttpServiceStart,
  type IBasePath,
  type IRouter,
  type OpenSearchDashboardsRequest,
  type OpenSearchDashboardsResponseFactory,
  type RouteConfigOptions,
  type RouteMethod,
  type RouterRoute,
} from '../http';
import type { RouteValidationSpec } from '../http/router/types';
import { validatePart } from '../http/router/validator';
import type { Logger } from '../logging';
import { loggingSystemMock } from './logging.mock';
import { mockOf } from './mock_of';

const { createLogger } = loggingSystemMock;

/** `server.basePath` helpers with the real rules (prepend once, remove only a whole leading segment). */
function createBasePath(serverBasePath = ''): jest.Mocked<IBasePath> {
  const under = (path: string) => path === serverBasePath || path.startsWith(`${serverBasePath}/`);
  return mockOf<IBasePath>({
    serverBasePath,
    get: () => serverBasePath,
    prepend: (path) => (serverBasePath && path.startsWith('/') && !under(path) ? serverBasePath + path : path),
    remove: (path) => (serverBasePath && under(path) ? path.slice(serverBasePath.length) || '/' : path),
  });
}

/** A router backed by core's real one (registration checks included) that keeps its routes for the test. */
export type RouterMock = jest.Mocked<IRouter> & {
  /** Every route registered, in order. */
  readonly routes: readonly RouterRoute[];
  /** The route registered for `method` and `path` (as declared); throws, listing the others, when there is none. */
  getRoute(method: RouteMethod, path: string): RouterRoute;
};

function createRouter(pluginId?: string, logger: Logger = createLogger()): RouterMock {
  const router = new Router('', logger, pluginId);
  const spied = mockOf<IRouter>({
    routerPath: router.routerPath,
    get: router.get,
    post: router.post,
    put: router.put,
    delete: router.delete,
    patch: router.patch,
    handleLegacyErrors: (handler) => router.handleLegacyErrors(handler),
  });
  return Object.assign(spied, {
    routes: router.routes,
    getRoute: (method: RouteMethod, path: string) => {
      const route = router.routes.find((r) => r.method === method && r.path === path);
      if (!route) {
        const known = router.routes.map((r) => `${r.method.toUpperCase()} ${r.path}`).join(', ') || 'none';
        throw new Error(`No route [${method.toUpperCase()} ${path}] was registered (registered: ${known}).`);
      }
      return route;
    },
  });
}

function createAuth(): jest.Mocked<HttpAuth> {
  return mockOf<HttpAuth>({ get: () => ({ status: AuthStatus.unknown }), isAuthenticated: () => false });
}

const serverInfo = (): HttpServerInfo => ({ name: 'osd-test', hostname: 'localhost', port: 5601, protocol: 'http' });

export type HttpSetupMock = Omit<jest.Mocked<HttpServiceSetup>, 'createRouter' | 'basePath' | 'auth' | 'resources'> & {
  createRouter: jest.MockedFunction<() => RouterMock>;
  basePath: jest.Mocked<IBasePath>;
  auth: jest.Mocked<HttpAuth>;
  resources: jest.Mocked<HttpResources>;
  /** Every router handed out by `createRouter`, in order. */
  readonly routers: RouterMock[];
};

function createHttpSetup({ basePath = '' }: { basePath?: string } = {}): HttpSetupMock {
  const routers: RouterMock[] = [];
  const noop = () => undefined;
  const setup = mockOf<HttpServiceSetup>({
    createRouter: () => {
      const router = createRouter();
      routers.push(router);
      return router;
    },
    registerRouteHandlerContext: noop,
    registerOnPreAuth: noop,
    registerAuth: noop,
    registerOnPostAuth: noop,
    registerOnPreResponse: noop,
    auth: createAuth(),
    basePath: createBasePath(basePath),
    getServerInfo: serverInfo,
    resources: mockOf<HttpResources>({ register: noop }),
    csp: CspConfig.DEFAULT,
  });
  return Object.assign(setup as HttpSetupMock, { routers });
}

function createHttpStart({ basePath = '' }: { basePath?: string } = {}): jest.Mocked<HttpServiceStart> {
  return mockOf<HttpServiceStart>({ basePath: createBasePath(basePath), getServerInfo: serverInfo, auth: createAuth() });
}

export const httpServiceMock = {
  createSetupContract: createHttpSetup,
  createStartContract: createHttpStart,
  createRouter,
  createBasePath,
  createAuth,
};

export interface RequestMockOptions<P, Q, B> {
  params?: P;
  query?: Q;
  body?: B;
  headers?: Record<string, string | string[]>;
  /** The request's path and query, e.g. `/api/x?y=1`. */
  path?: string;
  method?: RouteMethod;
  /** The route's declared path; `path` without its query when not given. */
  routePath?: string;
  routeOptions?: RouteConfigOptions;
  remoteAddress?: string;
  isAuthenticated?: boolean;
  /** Emit on it to simulate a client that went away. */
  aborted$?: Subject<void>;
}

/** A request as a handler sees it (validated parts as given). */
function createOpenSearchDashboardsRequest<P = unknown, Q = unknown, B = unknown>(
  options: RequestMockOptions<P, Q, B> = {}
): OpenSearchDashboardsRequest<P, Q, B> {
  const url = new URL(options.path ?? '/', 'http://localhost');
  const { xsrfRequired = true, authRequired = true, tags = [] } = options.routeOptions ?? {};
  return {
    id: 'request-id',
    url,
    route: { path: options.routePath ?? url.pathname, method: options.method ?? 'get', options: { xsrfRequired, authRequired, tags } },
    headers: options.headers ?? {},
    params: (options.params ?? {}) as P,
    query: (options.query ?? {}) as Q,
    body: options.body as B,
    isSystemRequest: options.headers?.['osd-system-request'] === 'true',
    events: { aborted$: (options.aborted$ ?? new Subject<void>()).asObservable() },
    socket: { remoteAddress: options.remoteAddress ?? '127.0.0.1' },
    auth: { isAuthenticated: options.isAuthenticated ?? false },
  };
}

/** Core's real response factory with every method spied on: answers are real responses (status, payload). */
function createResponseFactory(): jest.Mocked<OpenSearchDashboardsResponseFactory> {
  return mockOf<OpenSearchDashboardsResponseFactory>({ ...responseFactory });
}

/**
 * Validates one part of a request (`params`, `query` or `body`) as the router does before a handler runs,
 * with its 400 wording (`[request query.days]: ...`): route schemas can be tested without a server.
 */
function validateRoutePart<T>(schema: RouteValidationSpec<T>, data: unknown, part: 'params' | 'query' | 'body'): T {
  return validatePart(schema, data, part);
}

export const httpServerMock = { createOpenSearchDashboardsRequest, createResponseFactory, validateRoutePart };

/*
 * Typed mocks of the server core contracts, for unit tests of plugins and core services (upstream:
 * `core/server/mocks`). Every function is a `jest.fn()` with a sensible default (override with
 * `mockReturnValue` and friends); each mock is declared with the real contract type, so a contract change
 * fails the type check here (`mocks.test.ts`) rather than in some test far away. Only for Jest.
 */
import { BehaviorSubject } from 'rxjs';
import type { RequestHandlerContext } from './http';
import type { LoggerFactory } from './logging';
import { opensearchServiceMock } from './opensearch/opensearch_service.mock';
import type { PluginInitializerContext } from './plugins';
import { SavedObjectTypeRegistry } from './saved_objects';
import { httpServiceMock, type HttpSetupMock } from './test_kit/http.mock';
import { loggingSystemMock } from './test_kit/logging.mock';
import { savedObjectsClientMock, savedObjectsServiceMock, type SavedObjectsClientMock } from './test_kit/saved_objects.mock';
import {
  capabilitiesServiceMock,
  coreUsageDataServiceMock,
  metricsServiceMock,
  statusServiceMock,
  uiSettingsServiceMock,
} from './test_kit/services.mock';
import type { CoreSetup, CoreStart } from './types';

export { mockOf } from './test_kit/mock_of';
export { httpServerMock } from './test_kit/http.mock';
export type { RequestMockOptions, RouterMock } from './test_kit/http.mock';
export { savedObjectsCountersMock, savedObjectsRepositoryMock } from './test_kit/saved_objects.mock';
// The parts this file builds on, exported as they are.
export {
  capabilitiesServiceMock,
  coreUsageDataServiceMock,
  httpServiceMock,
  loggingSystemMock,
  metricsServiceMock,
  opensearchServiceMock,
  savedObjectsClientMock,
  savedObjectsServiceMock,
  statusServiceMock,
  uiSettingsServiceMock,
};
export type { HttpSetupMock, SavedObjectsClientMock };

export type CoreSetupMock<TPluginsStart extends object = object, TStart = unknown> = CoreSetup<TPluginsStart, TStart> & {
  http: HttpSetupMock;
  savedObjects: jest.Mocked<CoreSetup['savedObjects']>;
  uiSettings: ReturnType<typeof uiSettingsServiceMock.createSetupContract>;
  status: ReturnType<typeof statusServiceMock.createSetupContract>;
  metrics: ReturnType<typeof metricsServiceMock.createSetupContract>;
  capabilities: ReturnType<typeof capabilitiesServiceMock.createSetupContract>;
  opensearch: ReturnType<typeof opensearchServiceMock.createSetupContract>;
  coreUsageData: ReturnType<typeof coreUsageDataServiceMock.createSetupContract>;
  getStartServices: jest.MockedFunction<() => Promise<[CoreStartMock, TPluginsStart, TStart]>>;
};

export type CoreStartMock = CoreStart & {
  http: ReturnType<typeof httpServiceMock.createStartContract>;
  savedObjects: ReturnType<typeof savedObjectsServiceMock.createStartContract>;
  uiSettings: ReturnType<typeof uiSettingsServiceMock.createStartContract>;
  metrics: ReturnType<typeof metricsServiceMock.createStartContract>;
  capabilities: ReturnType<typeof capabilitiesServiceMock.createStartContract>;
  coreUsageData: ReturnType<typeof coreUsageDataServiceMock.createStartContract>;
};

export interface CoreMockOptions {
  basePath?: string;
  /** Whether `opensearch.hosts` is set: then `core.opensearch` in start is a mock client too. Default false (embedded store). */
  opensearchConfigured?: boolean;
}

/** `registry`: the saved-object types registered through a setup mock, when this start belongs to it. */
function createStart({ basePath, opensearchConfigured = false }: CoreMockOptions = {}, registry = new SavedObjectTypeRegistry()): CoreStartMock {
  return {
    http: httpServiceMock.createStartContract({ basePath }),
    savedObjects: savedObjectsServiceMock.createStartContract(registry),
    uiSettings: uiSettingsServiceMock.createStartContract(),
    metrics: metricsServiceMock.createStartContract(),
    capabilities: capabilitiesServiceMock.createStartContract(),
    coreUsageData: coreUsageDataServiceMock.createStartContract(),
    ...(opensearchConfigured ? { opensearch: opensearchServiceMock.createStartContract() } : {}),
  };
}

/**
 * `getStartServices` resolves with a start mock of the same options (its type registry holds the types
 * registered here), `pluginStartDeps` and `pluginStartContract`.
 */
function createSetup<TPluginsStart extends object = object, TStart = unknown>(
  options: CoreMockOptions & { pluginStartDeps?: TPluginsStart; pluginStartContract?: TStart } = {}
): CoreSetupMock<TPluginsStart, TStart> {
  const { pluginStartDeps = {} as TPluginsStart, pluginStartContract = undefined as TStart, ...coreOptions } = options;
  const registry = new SavedObjectTypeRegistry();
  const start = createStart(coreOptions, registry);
  return {
    http: httpServiceMock.createSetupContract({ basePath: coreOptions.basePath }),
    savedObjects: savedObjectsServiceMock.createSetupContract(registry),
    uiSettings: uiSettingsServiceMock.createSetupContract(),
    status: statusServiceMock.createSetupContract(),
    metrics: metricsServiceMock.createSetupContract(),
    capabilities: capabilitiesServiceMock.createSetupContract(),
    opensearch: opensearchServiceMock.createSetupContract(coreOptions.opensearchConfigured ?? false),
    coreUsageData: coreUsageDataServiceMock.createSetupContract(),
    getStartServices: jest.fn(async (): Promise<[CoreStartMock, TPluginsStart, TStart]> => [start, pluginStartDeps, pluginStartContract]),
  };
}

/**
 * What a plugin's constructor gets: `config.get()` answers `config`; `logger.get()` hands out `loggerMock`,
 * which records every call (or `loggerFactory`, when the test records logs its own way).
 */
function createPluginInitializerContext<T = unknown>(
  config: T = {} as T,
  { dataPath = '/tmp/osd-test-data', loggerFactory }: { dataPath?: string; loggerFactory?: LoggerFactory } = {}
) {
  const logger = loggingSystemMock.createLogger();
  const context: PluginInitializerContext<T> = {
    opaqueId: Symbol('plugin'),
    env: {
      mode: { name: 'production', dev: false, prod: true },
      packageInfo: { version: '2.19.0', branch: 'main', buildNum: 1, buildSha: 'sha', dist: false },
      instanceUuid: '5b2de169-2785-441b-ae8c-186a1936b17d',
      configs: [],
    },
    logger: loggerFactory ?? loggingSystemMock.create(logger),
    config: {
      get: <C = T>() => config as unknown as C,
      create: <C = T>() => new BehaviorSubject(config as unknown as C).asObservable(),
      legacy: { get: () => ({ path: { data: dataPath }, opensearchDashboards: { index: '.kibana' } }) },
    },
  };
  return Object.assign(context, { loggerMock: logger });
}

/**
 * `context` of a route handler: `core.savedObjects.client` (and `getClient()`) is `savedObjectsClient` (a
 * client mock unless the test brings its own fake), `core.uiSettings.client` a settings client over `uiSettings`.
 */
function createRequestHandlerContext<C extends object = SavedObjectsClientMock>({
  savedObjectsClient,
  uiSettings = {},
}: { savedObjectsClient?: C; uiSettings?: Record<string, unknown> } = {}) {
  const client = (savedObjectsClient ?? savedObjectsClientMock.create()) as C;
  const uiSettingsClient = uiSettingsServiceMock.createClient(uiSettings);
  const context: RequestHandlerContext = {
    core: {
      savedObjects: { client, typeRegistry: new SavedObjectTypeRegistry(), getClient: jest.fn(() => client) },
      uiSettings: { client: uiSettingsClient },
    },
  };
  return Object.assign(context, { mocks: { savedObjectsClient: client, uiSettingsClient } });
}

export const coreMock = {
  createSetup,
  createStart: (options: CoreMockOptions = {}) => createStart(options),
  createPluginInitializerContext,
  createRequestHandlerContext,
};

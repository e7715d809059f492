import { BehaviorSubject, ReplaySubject } from 'rxjs';
import { createLoggerMock } from './mocks';
import { UsageCollectionPlugin } from './plugin';

function createContext(config: Record<string, any> = {}) {
  return {
    opaqueId: Symbol('usageCollection'),
    env: { mode: { dev: false, prod: true, name: 'production' }, packageInfo: { version: '2.19.0', buildNum: 1 }, instanceUuid: 'uuid-1' },
    logger: { get: () => createLoggerMock() },
    config: {
      get: () => ({
        enabled: true,
        uiMetric: { enabled: true, debug: false, batchingIntervalInS: 0, maxKeys: 10000, maxReportsPerMinute: 120 },
        applicationUsage: { maxApps: 1000 },
        maximumWaitTimeForAllCollectorsInS: 60,
        collectorFetchTimeoutInS: 10,
        ...config,
      }),
      create: jest.fn(),
      legacy: { get: () => ({ path: { data: '/tmp' }, opensearchDashboards: { index: '.osd' } }) },
    },
  } as any;
}

function createCoreSetup() {
  const routes: string[] = [];
  const router = {
    get: jest.fn((route) => routes.push(`GET ${route.path}`)),
    post: jest.fn((route) => routes.push(`POST ${route.path}`)),
  };
  const registeredTypes: string[] = [];
  const metrics$ = new ReplaySubject<any>(1);
  const overall$ = new BehaviorSubject<any>({ level: { state: 'green' } });
  const core = {
    http: { createRouter: () => router, getServerInfo: () => ({ name: 'osd', hostname: 'localhost', port: 5601, protocol: 'http' }) },
    savedObjects: { registerType: (type: { name: string }) => registeredTypes.push(type.name) },
    metrics: { collectionInterval: 5000, getOpsMetrics$: () => metrics$ },
    status: { overall$ },
  } as any;
  return { core, routes, registeredTypes, metrics$, overall$ };
}

describe('UsageCollectionPlugin', () => {
  it('returns an explicit contract with exactly the spec methods, not the collector set', () => {
    const plugin = new UsageCollectionPlugin(createContext());
    const contract = plugin.setup(createCoreSetup().core);
    expect(Object.keys(contract).sort()).toEqual(
      ['areAllCollectorsReady', 'bulkFetch', 'bulkFetchUsage', 'getCategory', 'getCollectorByType', 'makeStatsCollector', 'makeUsageCollector', 'registerCollector', 'toApiFieldNames', 'toObject'].sort()
    );
    expect(contract.constructor).toBe(Object);
  });

  it('registers the routes, the saved-object types and the default collectors in setup', () => {
    const { core, routes, registeredTypes } = createCoreSetup();
    const contract = new UsageCollectionPlugin(createContext()).setup(core);
    expect(routes).toEqual(['GET /api/stats', 'POST /api/ui_metric/report']);
    expect(registeredTypes).toEqual(['ui-metric', 'application_usage_totals', 'application_usage_daily', 'application_usage_transactional']);
    for (const type of ['ui_metric', 'application_usage', 'opensearch_dashboards_stats', 'opensearchDashboards', 'core']) {
      expect(contract.getCollectorByType(type)).toBeDefined();
    }
  });

  it('does not serve the report route when uiMetric.enabled is false', () => {
    const { core, routes } = createCoreSetup();
    new UsageCollectionPlugin(createContext({ uiMetric: { enabled: false, debug: false, batchingIntervalInS: 0, maxKeys: 10000, maxReportsPerMinute: 120 } })).setup(core);
    expect(routes).toEqual(['GET /api/stats']);
  });

  it('registers stack_management at start, and stops its timers and subscriptions', async () => {
    const { core, metrics$, overall$ } = createCoreSetup();
    const plugin = new UsageCollectionPlugin(createContext());
    const contract = plugin.setup(core);
    const repository = { find: jest.fn().mockResolvedValue({ saved_objects: [], total: 0 }) };
    plugin.start({
      savedObjects: { createInternalRepository: () => repository },
      uiSettings: { asScopedToClient: () => ({ getRegistered: () => ({}) }) },
    } as any);
    expect(contract.getCollectorByType('stack_management')).toBeDefined();
    await plugin.stop();
    expect(metrics$.observed).toBe(false);
    expect(overall$.observed).toBe(false);
  });

  it('refuses start before setup', () => {
    expect(() => new UsageCollectionPlugin(createContext()).start({} as any)).toThrow('start() called before setup()');
  });
});

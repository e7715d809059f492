import { coreMock, httpServiceMock } from '../../../core/server/mocks';
import type { UsageCollectionConfig } from './config';
import type { UsageCounter } from './usage_counters';
import { UsageCollectionPlugin } from './plugin';

function createContext(config: Partial<UsageCollectionConfig> = {}) {
  return coreMock.createPluginInitializerContext<UsageCollectionConfig>(
    {
      enabled: true,
      uiMetric: { enabled: true, debug: false, batchingIntervalInS: 0, maxKeys: 10000, maxReportsPerMinute: 120 },
      applicationUsage: { maxApps: 1000 },
      usageCounters: { bufferDurationMs: 5000, retainDays: 5, historyDays: 90 },
      maximumWaitTimeForAllCollectorsInS: 60,
      collectorFetchTimeoutInS: 10,
      ...config,
    },
    { dataPath: '/tmp' }
  );
}

/** The kit's setup contract; routes and saved-object types are noted as registered (core's real router and registry still check them). */
function createCoreSetup() {
  const core = coreMock.createSetup();
  const routes: string[] = [];
  const registeredTypes: string[] = [];
  const router = httpServiceMock.createRouter('usageCollection');
  const [get, post] = [router.get.getMockImplementation()!, router.post.getMockImplementation()!];
  router.get.mockImplementation((route, handler) => (routes.push(`GET ${route.path}`), get(route, handler)));
  router.post.mockImplementation((route, handler) => (routes.push(`POST ${route.path}`), post(route, handler)));
  core.http.createRouter.mockReturnValue(router);
  const registerType = core.savedObjects.registerType.getMockImplementation()!;
  core.savedObjects.registerType.mockImplementation((type) => {
    registerType(type);
    registeredTypes.push(type.hidden ? `${type.name} (hidden)` : type.name);
  });
  const { ops$: metrics$ } = core.metrics;
  const { overall$ } = core.status.subjects;
  return { core, routes, registeredTypes, metrics$, overall$ };
}

describe('UsageCollectionPlugin', () => {
  it('returns an explicit contract with exactly the spec methods, not the collector set', () => {
    const plugin = new UsageCollectionPlugin(createContext());
    const contract = plugin.setup(createCoreSetup().core);
    expect(Object.keys(contract).sort()).toEqual(
      [
        'areAllCollectorsReady',
        'bulkFetch',
        'bulkFetchUsage',
        'createUsageCounter',
        'getCategory',
        'getCollectorByType',
        'makeStatsCollector',
        'makeUsageCollector',
        'registerCollector',
        'toApiFieldNames',
        'toObject',
      ].sort()
    );
    expect(contract.constructor).toBe(Object);
  });

  it('registers the routes, the saved-object types and the default collectors in setup', () => {
    const { core, routes, registeredTypes } = createCoreSetup();
    const contract = new UsageCollectionPlugin(createContext()).setup(core);
    expect(routes).toEqual(['GET /api/stats', 'POST /api/ui_metric/report']);
    expect(registeredTypes).toEqual([
      'ui-metric',
      'application_usage_totals',
      'application_usage_daily',
      'application_usage_transactional',
      'usage-counters (hidden)',
      'ui-metric-daily (hidden)',
    ]);
    for (const type of ['ui_metric', 'application_usage', 'opensearch_dashboards_stats', 'opensearchDashboards', 'core', 'usage_counters']) {
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
    plugin.start(coreMock.createStart());
    expect(contract.getCollectorByType('stack_management')).toBeDefined();
    await plugin.stop();
    expect(metrics$.observed).toBe(false);
    expect(overall$.observed).toBe(false);
  });

  it("hands core its usage counter (domain 'core') and refuses a second counter of that domain", () => {
    const { core } = createCoreSetup();
    const contract = new UsageCollectionPlugin(createContext()).setup(core);
    expect(core.coreUsageData.registerUsageCounter).toHaveBeenCalledTimes(1);
    // Core sees a `CoreUsageCounter`; what the plugin hands it is its own `UsageCounter`.
    const [counter] = core.coreUsageData.registerUsageCounter.mock.calls[0] as [UsageCounter];
    expect(counter.domainId).toBe('core');
    expect(() => contract.createUsageCounter('core')).toThrow('a usage counter with domainId [core] is already registered');
    expect(contract.createUsageCounter('myPlugin').domainId).toBe('myPlugin');
  });

  it('refuses start before setup', () => {
    expect(() => new UsageCollectionPlugin(createContext()).start(coreMock.createStart())).toThrow('start() called before setup()');
  });
});

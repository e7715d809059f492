import { createLoggerMock, usageCollectionPluginMock } from '../../../usage_collection/server/mocks';
import type { StatsCollectionConfig } from '../../../telemetry_collection_manager/server';
import type { ClusterCaller } from './cluster_client';
import { buildClusterStats, createClusterDetailsGetter, createLocalStatsGetter, reshapeNodesUsage, type LocalStatsDeps } from './get_local_stats';

const osInfo = { platform: 'linux', platformRelease: 'linux-6.2.0', distro: 'Ubuntu', distroRelease: 'Ubuntu-22.04' };

function deps(cluster?: ClusterCaller, overrides: Partial<LocalStatsDeps> = {}): LocalStatsDeps {
  return {
    logger: createLoggerMock(),
    getClusterCaller: () => cluster,
    getOpenSearchClient: () => undefined,
    getSavedObjectsClient: () => undefined,
    instanceUuid: 'server-uuid',
    version: '2.19.0-SNAPSHOT',
    getOsInfo: () => osInfo,
    now: () => new Date('2024-02-28T23:00:03.741Z'),
    ...overrides,
  };
}

function config(
  results: Array<{ type: string; result: unknown }> = [{ type: 'telemetry', result: { opt_in_status: true, usage_fetcher: 'server' } }]
) {
  const usageCollection = usageCollectionPluginMock.createSetupContract();
  usageCollection.bulkFetch.mockResolvedValue(results);
  return { usageCollection, start: 'a', end: 'b', unencrypted: false, level: 'full' } satisfies StatsCollectionConfig;
}

const fakeCluster = (): ClusterCaller & { callCluster: jest.Mock } => ({
  callCluster: jest.fn(async (endpoint: string) => {
    switch (endpoint) {
      case 'info':
        return { cluster_uuid: 'BO4Q', cluster_name: 'opensearch', version: { number: '2.19.6' } };
      case 'cluster.stats':
        return { _nodes: { total: 1 }, cluster_name: 'opensearch', cluster_uuid: 'BO4Q', status: 'yellow', nodes: { count: { total: 1 } } };
      case 'nodes.usage':
        return { nodes: { n1: { timestamp: 1, since: 0, rest_actions: { main_action: 2 }, aggregations: { terms: { bytes: 1 } } } } };
    }
  }),
});

describe('createClusterDetailsGetter', () => {
  it('uses the server uuid on the embedded store', async () => {
    expect(await createClusterDetailsGetter(deps())()).toEqual([{ clusterUuid: 'server-uuid' }]);
  });

  it("uses the cluster's uuid from GET / with a cluster, and fails without one", async () => {
    expect(await createClusterDetailsGetter(deps(fakeCluster()))()).toEqual([{ clusterUuid: 'BO4Q' }]);
    const broken = { callCluster: jest.fn().mockResolvedValue({}) };
    await expect(createClusterDetailsGetter(deps(broken))()).rejects.toThrow(/did not say its uuid/);
  });
});

describe('createLocalStatsGetter', () => {
  it('keeps only the collectors the level allows: at operational, no usage (or uncategorised) collector enters the report', async () => {
    const results = [
      { type: 'telemetry', result: { opt_in_status: true, usage_fetcher: 'server' } },
      { type: 'core', result: { config: { a: 1 } } },
      { type: 'ui_metric', result: { app: [{ key: 'click', value: 1 }] } },
      { type: 'third_party', result: { secret_clicks: 9 } },
      { type: 'usage_collector_stats', result: { collectors: {} } },
    ];
    const categories: Record<string, 'operational' | 'usage'> = { telemetry: 'operational', core: 'operational', ui_metric: 'usage', usage_collector_stats: 'operational' };
    const build = async (level: 'operational' | 'full') => {
      const c = { ...config(results), level };
      c.usageCollection.getCategory.mockImplementation((type: string) => categories[type] ?? 'usage');
      const [report] = await createLocalStatsGetter(deps())([{ clusterUuid: 'server-uuid' }], c);
      return Object.keys(report.stack_stats.opensearch_dashboards!.plugins).sort();
    };
    expect(await build('operational')).toEqual(['core', 'telemetry', 'usage_collector_stats']);
    expect(await build('full')).toEqual(['core', 'telemetry', 'third_party', 'ui_metric', 'usage_collector_stats']);
  });

  it('builds the sample report without cluster_stats on the embedded store', async () => {
    const results = [
      { type: 'opensearchDashboards', result: { index: '.osd', dashboard: { total: 2 }, visualization: { total: 0 } } },
      { type: 'opensearch_dashboards_stats', result: { os: { platform: 'darwin', platformRelease: 'darwin-23', load: { '1m': 1 } } } },
      { type: 'telemetry', result: { opt_in_status: true, usage_fetcher: 'server' } },
      { type: 'ui_metric', result: { app: [{ key: 'click', value: 1 }] } },
    ];
    const c = config(results);
    const [report] = await createLocalStatsGetter(deps())([{ clusterUuid: 'server-uuid' }], c);
    expect(report).toEqual({
      timestamp: '2024-02-28T23:00:03.741Z',
      cluster_uuid: 'server-uuid',
      cluster_name: 'embedded',
      version: '2.19.0-SNAPSHOT',
      collection: 'local',
      stack_stats: {
        opensearch_dashboards: {
          dashboard: { total: 2 },
          visualization: { total: 0 },
          count: 1,
          indices: 1,
          os: {
            platforms: [{ platform: 'darwin', count: 1 }],
            platformReleases: [{ platformRelease: 'darwin-23', count: 1 }],
            distros: [{ distro: 'Ubuntu', count: 1 }],
            distroReleases: [{ distroRelease: 'Ubuntu-22.04', count: 1 }],
          },
          versions: [{ version: '2.19.0', count: 1 }],
          plugins: { telemetry: { opt_in_status: true, usage_fetcher: 'server' }, ui_metric: { app: [{ key: 'click', value: 1 }] } },
        },
      },
    });
    expect(c.usageCollection.bulkFetch).toHaveBeenCalledWith(undefined, undefined, { savedObjectsClient: undefined });
  });

  it('adds cluster_stats with nodes usage, and takes name and version from the cluster', async () => {
    const cluster = fakeCluster();
    const c = config();
    const [report] = await createLocalStatsGetter(deps(cluster))([{ clusterUuid: 'BO4Q' }], c);
    expect(report).toMatchObject({
      cluster_uuid: 'BO4Q',
      cluster_name: 'opensearch',
      version: '2.19.6',
      cluster_stats: {
        cluster_uuid: 'BO4Q',
        status: 'yellow',
        nodes: {
          count: { total: 1 },
          usage: { nodes: [{ node_id: 'n1', timestamp: 1, since: 0, rest_actions: { main_action: 2 }, aggregations: { terms: { bytes: 1 } } }] },
        },
      },
      collection: 'local',
    });
    expect(report.cluster_stats).not.toHaveProperty('_nodes');
    expect(report.cluster_stats).not.toHaveProperty('cluster_name');
    expect(cluster.callCluster).toHaveBeenCalledWith('cluster.stats', { timeout: '30s' });
    expect(cluster.callCluster).toHaveBeenCalledWith('nodes.usage', { timeout: '30s' });
    expect(typeof c.usageCollection.bulkFetch.mock.calls[0][0]).toBe('function');
  });

  it('fails when a cluster call fails', async () => {
    const cluster = { callCluster: jest.fn().mockRejectedValue(new Error('no route to host')) };
    await expect(createLocalStatsGetter(deps(cluster))([{ clusterUuid: 'x' }], config())).rejects.toThrow('no route to host');
  });

  it('reports no opensearch_dashboards (and warns) when no collector answered', async () => {
    const d = deps();
    const [report] = await createLocalStatsGetter(d)([{ clusterUuid: 'server-uuid' }], config([]));
    expect(report.stack_stats.opensearch_dashboards).toBeUndefined();
    expect(d.logger.warn).toHaveBeenCalledWith('No OpenSearchDashboards stats returned from usage collectors');
  });
});

describe('pure helpers', () => {
  it('reshapeNodesUsage tolerates an empty answer', () => {
    expect(reshapeNodesUsage(undefined)).toEqual({ nodes: [] });
  });

  it('buildClusterStats adds usage even without nodes', () => {
    expect(buildClusterStats({ status: 'green' }, { nodes: {} })).toEqual({ status: 'green', nodes: { usage: { nodes: [] } } });
  });
});

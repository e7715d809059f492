/*
 * The cluster half of the `local` collection against a real OpenSearch node (the test node of
 * test/opensearch), through the new client as core is expected to offer it (`core.opensearch.client`).
 * Core has no OpenSearch service yet; this checks the adapter and the report's cluster_stats for real.
 */
import { Client } from '@opensearch-project/opensearch';
import { startOpenSearch, type OpenSearchNode } from '../../../../../test/opensearch/opensearch_node';
import { createLoggerMock, usageCollectionPluginMock } from '../../../usage_collection/server/mocks';
import { getClusterCaller } from '../telemetry_collection';
import { createClusterDetailsGetter, createLocalStatsGetter } from '../telemetry_collection/get_local_stats';

describe('local collection on a real OpenSearch node', () => {
  let node: OpenSearchNode;
  let client: Client;
  beforeAll(async () => {
    node = await startOpenSearch({});
    client = new Client({ node: node.url });
  }, 180000);
  afterAll(async () => {
    await client?.close();
    await node?.stop();
  });

  it('reports the cluster uuid, name, version and cluster_stats with the nodes usage', async () => {
    const caller = getClusterCaller({ opensearch: { client: { asInternalUser: client } } });
    expect(caller).toBeDefined();
    const deps = {
      logger: createLoggerMock(),
      getClusterCaller: () => caller,
      getOpenSearchClient: () => client,
      getSavedObjectsClient: () => undefined,
      instanceUuid: 'server-uuid',
      version: '2.19.0',
      getOsInfo: () => ({ platform: 'linux' }),
    };
    const clusters = await createClusterDetailsGetter(deps)();
    const { body: info } = await client.info();
    expect(clusters).toEqual([{ clusterUuid: info.cluster_uuid }]);

    const usageCollection = usageCollectionPluginMock.createSetupContract();
    const [report] = await createLocalStatsGetter(deps)(clusters, { usageCollection, start: 'a', end: 'b', unencrypted: true, level: 'full' });
    expect(report).toMatchObject({ cluster_uuid: info.cluster_uuid, cluster_name: info.cluster_name, version: info.version.number, collection: 'local' });
    const stats = report.cluster_stats as any;
    expect(stats).toMatchObject({ cluster_uuid: info.cluster_uuid, status: expect.stringMatching(/green|yellow/), indices: { count: expect.any(Number) } });
    expect(stats).not.toHaveProperty('_nodes');
    expect(stats).not.toHaveProperty('cluster_name');
    expect(stats.nodes.count.total).toBe(1);
    expect(stats.nodes.usage.nodes).toEqual([
      expect.objectContaining({ node_id: expect.any(String), timestamp: expect.any(Number), since: expect.any(Number), rest_actions: expect.any(Object) }),
    ]);
    expect(report.stack_stats.opensearch_dashboards?.plugins).toHaveProperty('usage_collector_stats');
  });
});

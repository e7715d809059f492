import type { Logger, SavedObjectsClientContract } from '../../../../core/server';
import { levelAllows } from '../../common/consent';
import type { BasicStatsPayload, ClusterDetails, StatsCollectionConfig } from '../../../telemetry_collection_manager/server';
import type { ClusterCaller } from './cluster_client';
import { handleOpenSearchDashboardsStats } from './get_opensearch_dashboards';
import type { OsInfo } from './os_info';

/** Time limit OpenSearch applies to the stats calls (upstream's). */
export const CLUSTER_CALL_TIMEOUT = '30s';

export interface LocalStatsDeps {
  logger: Logger;
  /** The cluster, or undefined on the embedded store. */
  getClusterCaller: () => ClusterCaller | undefined;
  /** The OpenSearch client handed to collectors, if any. */
  getOpenSearchClient: () => unknown;
  getSavedObjectsClient: () => SavedObjectsClientContract | undefined;
  /** `server.uuid`: the cluster uuid of the embedded store. */
  instanceUuid: string;
  version: string;
  getOsInfo: () => OsInfo;
  now?: () => Date;
}

/** The uuid of the cluster (from `GET /`), or the server's own uuid on the embedded store. */
export function createClusterDetailsGetter(deps: Pick<LocalStatsDeps, 'getClusterCaller' | 'instanceUuid'>) {
  return async (): Promise<ClusterDetails[]> => {
    const cluster = deps.getClusterCaller();
    if (!cluster) return [{ clusterUuid: deps.instanceUuid }];
    const info = await cluster.callCluster('info');
    if (typeof info?.cluster_uuid !== 'string') throw new Error('the cluster did not say its uuid (GET /)');
    return [{ clusterUuid: info.cluster_uuid }];
  };
}

/** `_nodes/usage` as the report lists it: an array of nodes, each with its `node_id`. Pure. */
export function reshapeNodesUsage(body: any): { nodes: Array<Record<string, unknown>> } {
  const nodes = body?.nodes && typeof body.nodes === 'object' ? body.nodes : {};
  return {
    nodes: Object.entries(nodes).map(([nodeId, node]: [string, any]) => ({
      node_id: nodeId,
      timestamp: node?.timestamp,
      since: node?.since,
      rest_actions: node?.rest_actions,
      ...(node?.aggregations ? { aggregations: node.aggregations } : {}),
    })),
  };
}

/** `_cluster/stats` without `_nodes` and `cluster_name`, with the nodes' usage under `nodes.usage`. Pure. */
export function buildClusterStats(clusterStats: any, nodesUsage: any): Record<string, unknown> {
  const { _nodes: _ignored, cluster_name: _name, ...rest } = clusterStats ?? {};
  return { ...rest, nodes: { ...(rest.nodes ?? {}), usage: reshapeNodesUsage(nodesUsage) } };
}

/** The `cluster_name` of a report from the embedded store. */
export const EMBEDDED_CLUSTER_NAME = 'embedded';

/**
 * The `local` collection's stats getter: one report per cluster with the collectors' data. With a cluster
 * it adds `cluster_stats` (`_cluster/stats` + `_nodes/usage`); on the embedded store there is none, the
 * server's uuid stands for the cluster's, and the name is a fixed one: `server.name` defaults to the host
 * name, which must never leave the server.
 */
export function createLocalStatsGetter(deps: LocalStatsDeps) {
  const now = deps.now ?? (() => new Date());
  return async (clusters: ClusterDetails[], config: StatsCollectionConfig): Promise<BasicStatsPayload[]> => {
    const cluster = deps.getClusterCaller();
    // Only what the consent level allows is kept (docs/consent.md); the rest never enters the report.
    const fetchCollectors = async () =>
      (
        await config.usageCollection.bulkFetch(cluster ? (endpoint, params) => cluster.callCluster(endpoint as any, params) : undefined, deps.getOpenSearchClient(), {
          savedObjectsClient: deps.getSavedObjectsClient(),
        })
      ).filter(({ type }) => levelAllows(config.level, config.usageCollection.getCategory(type)));
    const timestamp = now().toISOString();
    const toStackStats = (results: Awaited<ReturnType<typeof fetchCollectors>>) => ({
      opensearch_dashboards: handleOpenSearchDashboardsStats(results, deps),
    });

    if (!cluster) {
      const results = await fetchCollectors();
      return clusters.map(({ clusterUuid }) => ({
        timestamp,
        cluster_uuid: clusterUuid,
        cluster_name: EMBEDDED_CLUSTER_NAME,
        version: deps.version,
        collection: 'local',
        stack_stats: toStackStats(results),
      }));
    }

    const [info, clusterStats, nodesUsage, results] = await Promise.all([
      cluster.callCluster('info'),
      cluster.callCluster('cluster.stats', { timeout: CLUSTER_CALL_TIMEOUT }),
      cluster.callCluster('nodes.usage', { timeout: CLUSTER_CALL_TIMEOUT }),
      fetchCollectors(),
    ]);
    return clusters.map(({ clusterUuid }) => ({
      timestamp,
      cluster_uuid: clusterUuid,
      cluster_name: info?.cluster_name,
      version: info?.version?.number,
      cluster_stats: buildClusterStats(clusterStats, nodesUsage),
      collection: 'local',
      stack_stats: toStackStats(results),
    }));
  };
}

/** The cluster endpoints the `local` collection calls. */
export type ClusterEndpoint = 'info' | 'cluster.stats' | 'nodes.usage';

/** The small slice of an OpenSearch client the `local` collection needs; the bodies as OpenSearch returns them. */
export interface ClusterCaller {
  callCluster(endpoint: ClusterEndpoint, params?: Record<string, unknown>): Promise<any>;
}

/** What core's OpenSearch service is expected to offer (it is read defensively: it may be missing or partial). */
interface CoreOpenSearchLike {
  createLegacyCallCluster?: () => (endpoint: string, params?: Record<string, unknown>) => Promise<any>;
  client?: { asInternalUser?: any };
}

/**
 * A caller over `core.opensearch`, or `undefined` when there is no cluster (the embedded store). Prefers the
 * legacy caller (bodies directly); otherwise maps the endpoints onto the new client (`{ body }` answers).
 */
export function getClusterCaller(core: unknown): ClusterCaller | undefined {
  const opensearch = (core as { opensearch?: CoreOpenSearchLike } | undefined)?.opensearch;
  if (!opensearch || typeof opensearch !== 'object') return undefined;
  if (typeof opensearch.createLegacyCallCluster === 'function') {
    const call = opensearch.createLegacyCallCluster();
    return { callCluster: (endpoint, params) => call(endpoint, params) };
  }
  const client = opensearch.client?.asInternalUser;
  if (!client) return undefined;
  const methods: Record<ClusterEndpoint, (params?: Record<string, unknown>) => Promise<{ body: any }>> = {
    info: (params) => client.info(params),
    'cluster.stats': (params) => client.cluster.stats(params),
    'nodes.usage': (params) => client.nodes.usage(params),
  };
  return {
    callCluster: async (endpoint, params) => (await methods[endpoint](params)).body,
  };
}

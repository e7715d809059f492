import { schema } from '@osd/config-schema';
import { defaultsDeep } from 'lodash';
import type { IRouter, Logger, OpsMetrics, RequestHandlerContext, ServiceStatus } from '../../../../core/server';
import type { CollectorSet } from '../collector';

export const STATS_NOT_READY_MESSAGE = 'Stats are not ready yet. Please try again later.';

const SNAPSHOT_REGEX = /-snapshot/i;

/** What the server says about itself in every `/api/stats` answer. */
export interface StatsServerInfo {
  uuid: string;
  name: string;
  index: string;
  hostname: string;
  port: number;
  version: string;
  locale: string;
}

export interface StatsRouteDeps {
  router: IRouter;
  collectorSet: CollectorSet;
  logger: Logger;
  getServerInfo: () => StatsServerInfo;
  /** The latest ops sample (undefined before the first) and the sampling interval. */
  getOpsMetrics: () => { metrics?: OpsMetrics; intervalMs: number };
  getOverallStatus: () => ServiceStatus | undefined;
}

const flag = () => schema.oneOf([schema.literal(''), schema.boolean()], { defaultValue: false });
const querySchema = schema.object({ extended: flag(), legacy: flag(), exclude_usage: flag() });

/**
 * Upstream's legacy shape: `opensearchDashboards` is spread into the root of `usage`, `reporting` moves to
 * `xpack.reporting`, every other collector is merged in as it is.
 */
export function toLegacyUsage(usage: Record<string, any>): Record<string, any> {
  // Collector results are frozen and shared between callers: reshape a copy.
  const copy = structuredClone(usage);
  let accum: Record<string, any> = {};
  for (const [key, value] of Object.entries(copy)) {
    if (key === 'opensearchDashboards') accum = { ...accum, ...value };
    else if (key === 'reporting') accum = { ...accum, xpack: { ...accum.xpack, reporting: value } };
    else defaultsDeep(accum, { [key]: value });
  }
  return accum;
}

/**
 * Upstream asks the cluster with the caller's credentials. Without a cluster the embedded store is the
 * data's home, and the server's uuid names it: the same `cluster_uuid` the telemetry report carries.
 */
async function getClusterUuid(context: RequestHandlerContext, logger: Logger, serverUuid: string): Promise<string | null> {
  const opensearch = context.core.opensearch;
  if (!opensearch) return serverUuid;
  try {
    const legacyCaller = opensearch.legacy?.client?.callAsCurrentUser;
    if (typeof legacyCaller === 'function') {
      const info = await legacyCaller('info', { filterPath: 'cluster_uuid' });
      return info?.cluster_uuid ?? null;
    }
    const info = await opensearch.client.asCurrentUser.info({ filter_path: 'cluster_uuid' });
    return info?.body?.cluster_uuid ?? null;
  } catch (error) {
    // Upstream failed the whole answer here; the metrics are still worth returning.
    logger.warn(`Could not read the cluster uuid for /api/stats: ${(error as Error).message}`);
    return null;
  }
}

/** `GET /api/stats`: ops metrics and server info; with `extended`, the cluster uuid and every usage collector. */
export function registerStatsRoute({ router, collectorSet, logger, getServerInfo, getOpsMetrics, getOverallStatus }: StatsRouteDeps) {
  router.get(
    {
      path: '/api/stats',
      validate: { query: querySchema },
      // 'api': unauthenticated callers get a 401 rather than a redirect, once there is authentication.
      options: { tags: ['api'] },
    },
    async (context, request, response) => {
      const { extended, legacy, exclude_usage: excludeUsage } = request.query;
      const isExtended = extended === '' || extended === true;
      const isLegacy = legacy === '' || legacy === true;
      const shouldGetUsage = excludeUsage === false;

      let extendedBody: Record<string, unknown> = {};
      if (isExtended) {
        const callCluster = context.core.opensearch?.legacy?.client?.callAsCurrentUser;
        const opensearchClient = context.core.opensearch?.client?.asCurrentUser;
        if (shouldGetUsage && !(await collectorSet.areAllCollectorsReady())) {
          return response.customError({ statusCode: 503, body: { message: STATS_NOT_READY_MESSAGE } });
        }
        const [usage, clusterUuid] = await Promise.all([
          shouldGetUsage
            ? collectorSet
                .bulkFetchUsage(callCluster, opensearchClient, { savedObjectsClient: context.core.savedObjects.client })
                .then((results) => collectorSet.toObject<Record<string, unknown>>(results))
            : Promise.resolve({}),
          getClusterUuid(context, logger, getServerInfo().uuid),
        ]);
        extendedBody = isLegacy
          ? { usage: toLegacyUsage(usage), clusterUuid }
          : collectorSet.toApiFieldNames({ usage, clusterUuid }, { usage: collectorSet.getUsageSchema(), clusterUuid: 'keyword' });
      }

      const { metrics, intervalMs } = getOpsMetrics();
      const { collected_at: collectedAt, ...lastMetrics } = metrics ?? ({} as Partial<OpsMetrics>);
      const info = getServerInfo();
      const base = collectorSet.toApiFieldNames({
        ...lastMetrics,
        opensearchDashboards: {
          uuid: info.uuid,
          name: info.name,
          index: info.index,
          host: info.hostname,
          locale: info.locale,
          transport_address: `${info.hostname}:${info.port}`,
          version: info.version.replace(SNAPSHOT_REGEX, ''),
          snapshot: SNAPSHOT_REGEX.test(info.version),
          status: getOverallStatus()?.level.state ?? 'red',
        },
        ...(collectedAt ? { last_updated: collectedAt.toISOString() } : {}),
        collection_interval_in_millis: intervalMs,
      });
      return response.ok({ body: { ...base, ...extendedBody } });
    }
  );
}

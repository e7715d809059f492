import { schema } from '@osd/config-schema';
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

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);

/** Sets a key as data: an app id such as "__proto__" must never reach the prototype. */
function define(target: Record<string, unknown> | unknown[], key: string, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * lodash's `defaultsDeep` for one value, without copying what it does not change: values already there
 * win, objects and arrays are filled in key by key, and only the levels that get a key added are copied
 * (the inputs are frozen collector results, shared with other callers). A large collector result that
 * merges with nothing (say, ten thousand ui-metric counters) is then passed on as it is, where cloning
 * it first held the event loop for tens of milliseconds on every call.
 */
function withDefaults(current: unknown, defaults: unknown): unknown {
  if (current === undefined) return defaults;
  const arrays = Array.isArray(current) && Array.isArray(defaults);
  // As lodash: an object is filled from an object or an array (by index), an array only from an array.
  if (!arrays && !(isPlainObject(current) && (isPlainObject(defaults) || Array.isArray(defaults)))) return current;
  const have = current as Record<string, unknown>;
  const source = defaults as Record<string, unknown>;
  let out: Record<string, unknown> | unknown[] | undefined;
  for (const key of Object.keys(source)) {
    const merged = withDefaults(have[key], source[key]);
    if (merged === have[key]) continue;
    if (!out) {
      out = arrays ? [...(current as unknown[])] : {};
      if (!arrays) for (const own of Object.keys(have)) define(out, own, have[own]);
    }
    define(out, key, merged);
  }
  return out ?? current;
}

/**
 * Upstream's legacy shape: `opensearchDashboards` is spread into the root of `usage`, `reporting` moves to
 * `xpack.reporting`, every other collector is merged in as it is (lodash `defaultsDeep`: keys already
 * there win). The input is not changed.
 */
export function toLegacyUsage(usage: Record<string, any>): Record<string, any> {
  let accum: Record<string, any> = {};
  for (const [key, value] of Object.entries(usage)) {
    if (key === 'opensearchDashboards') accum = { ...accum, ...value };
    else if (key === 'reporting') accum = { ...accum, xpack: { ...accum.xpack, reporting: value } };
    else define(accum, key, withDefaults(accum[key], value));
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
      // 'api': unauthenticated callers get a 401 rather than a redirect; reading usage needs `stats:read`.
      options: { tags: ['api', 'access:stats:read'] },
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

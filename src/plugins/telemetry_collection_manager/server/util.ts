import type { BasicStatsPayload } from './types';

/** Collector health entry that usageCollection appends to every bulk fetch. */
const COLLECTOR_STATS_TYPE = 'usage_collector_stats';
const UNHEALTHY_STATUSES = ['failed', 'timed_out', 'not_ready', 'not_ready_timeout'] as const;

const isObject = (value: unknown): value is Record<string, any> => typeof value === 'object' && value !== null;

/**
 * Whether a report says its cluster is opted in: the `telemetry` collector's `opt_in_status` is `true`.
 * Anything else (false, null, missing, malformed) is not opted in. Pure.
 */
export function isClusterOptedIn(report: unknown): boolean {
  if (!isObject(report)) return false;
  const plugins = report.stack_stats?.opensearch_dashboards?.plugins;
  return isObject(plugins) && isObject(plugins.telemetry) && plugins.telemetry.opt_in_status === true;
}

/**
 * Why a report must not be cached, or `undefined` when it is complete: it has no collector data, or a
 * collector failed, timed out or was not ready. Pure.
 */
export function getIncompleteReason(report: BasicStatsPayload): string | undefined {
  const osd = report.stack_stats?.opensearch_dashboards;
  if (!isObject(osd) || !isObject(osd.plugins)) return 'no usage collector data';
  const health = osd.plugins[COLLECTOR_STATS_TYPE];
  if (!isObject(health)) return undefined;
  const unhealthy = UNHEALTHY_STATUSES.flatMap((status) => {
    const entry = health[status];
    return isObject(entry) && typeof entry.count === 'number' && entry.count > 0
      ? [`${status}: ${Array.isArray(entry.names) ? entry.names.join(',') : entry.count}`]
      : [];
  });
  return unhealthy.length > 0 ? `collectors ${unhealthy.join('; ')}` : undefined;
}

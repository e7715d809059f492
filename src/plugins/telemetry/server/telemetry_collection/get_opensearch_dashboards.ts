import type { Logger } from '../../../../core/server';
import type { CollectorFetchResult } from '../../../usage_collection/server';
import type { OpenSearchDashboardsStats } from '../../../telemetry_collection_manager/server';
import type { OsInfo } from './os_info';

/** Collector types that are reshaped into the report rather than listed under `plugins`. */
const SAVED_OBJECT_COUNTS_TYPE = 'opensearchDashboards';
const OPS_STATS_TYPE = 'opensearch_dashboards_stats';

/** `{ platform: 'linux' }` → `{ platforms: [{ platform: 'linux', count: 1 }] }`, for each string field. Pure. */
export function pluraliseOs(osInfo: Record<string, unknown>): OpenSearchDashboardsStats['os'] {
  const os: OpenSearchDashboardsStats['os'] = {};
  for (const [key, value] of Object.entries(osInfo)) {
    if (typeof value === 'string') os[`${key}s`] = [{ [key]: value, count: 1 }];
  }
  return os;
}

export interface HandleStatsOptions {
  /** Server version; reported without a `-SNAPSHOT` suffix. */
  version: string;
  /** This host's OS, for what the ops stats collector does not say. */
  getOsInfo: () => OsInfo;
  logger: Logger;
}

/**
 * Reshapes the collectors' output into `stack_stats.opensearch_dashboards`: the saved-object counts at the
 * top, `count`/`indices` (one server, one index), `os`, `versions`, and every other collector under
 * `plugins`. `undefined` (with a warning) when no collector returned anything. Pure apart from the log.
 */
export function handleOpenSearchDashboardsStats(
  results: CollectorFetchResult[],
  { version, getOsInfo, logger }: HandleStatsOptions
): OpenSearchDashboardsStats | undefined {
  if (results.length === 0) {
    logger.warn('No OpenSearchDashboards stats returned from usage collectors');
    return undefined;
  }
  const plugins: Record<string, unknown> = {};
  let savedObjectCounts: Record<string, unknown> = {};
  let opsOs: Record<string, unknown> = {};
  for (const { type, result } of results) {
    if (type === SAVED_OBJECT_COUNTS_TYPE && result && typeof result === 'object') {
      const { index: _index, ...counts } = result as Record<string, unknown>;
      savedObjectCounts = counts;
    } else if (type === OPS_STATS_TYPE) {
      opsOs = ((result as { os?: Record<string, unknown> } | undefined)?.os ?? {}) as Record<string, unknown>;
    } else {
      plugins[type] = result;
    }
  }
  return {
    ...savedObjectCounts,
    count: 1,
    indices: 1,
    os: pluraliseOs({ ...getOsInfo(), ...opsOs }),
    versions: [{ version: version.replace(/-snapshot$/i, ''), count: 1 }],
    plugins,
  };
}

import type { Observable, Subscription } from 'rxjs';
import type { OpsMetrics } from '../../../../../core/server';
import { OPENSEARCH_DASHBOARDS_STATS_TYPE } from '../../../common/constants';
import type { MakeSchemaFrom } from '../../collector';
import type { UsageCollectionSetup } from '../../types';

/** The latest ops metrics, as upstream reports them: no pid, no status codes, averaged response times. */
export interface OpsStatsUsage {
  process: {
    memory: {
      heap: { total_in_bytes: number; used_in_bytes: number; size_limit: number };
      resident_set_size_in_bytes: number;
    };
    event_loop_delay: number;
    uptime_in_millis: number;
  };
  os: {
    platform: string;
    platformRelease: string;
    load: { '1m': number; '5m': number; '15m': number };
    memory: { total_in_bytes: number; free_in_bytes: number; used_in_bytes: number };
    uptime_in_millis: number;
  };
  response_times: { average: number; max: number };
  requests: { disconnects: number; total: number };
  concurrent_connections: number;
  timestamp: string;
}

export const opsStatsSchema: MakeSchemaFrom<OpsStatsUsage> = {
  process: {
    memory: {
      heap: { total_in_bytes: 'long', used_in_bytes: 'long', size_limit: 'long' },
      resident_set_size_in_bytes: 'long',
    },
    event_loop_delay: { type: 'float', _meta: { description: 'Mean event-loop delay over the interval, ms' } },
    uptime_in_millis: 'float',
  },
  os: {
    platform: 'keyword',
    platformRelease: 'keyword',
    load: { '1m': 'float', '5m': 'float', '15m': 'float' },
    memory: { total_in_bytes: 'long', free_in_bytes: 'long', used_in_bytes: 'long' },
    uptime_in_millis: 'float',
  },
  response_times: { average: 'float', max: 'float' },
  requests: { disconnects: 'long', total: 'long' },
  concurrent_connections: 'long',
  timestamp: 'date',
};

/** The collector's view of one sample. */
export function toOpsStats(metrics: OpsMetrics, now: Date): OpsStatsUsage {
  const { process, os, response_times: responseTimes, requests, concurrent_connections: connections } = metrics;
  return {
    process: {
      memory: process.memory,
      event_loop_delay: process.event_loop_delay,
      uptime_in_millis: process.uptime_in_millis,
    },
    os: {
      platform: os.platform,
      platformRelease: os.platformRelease,
      load: os.load,
      memory: os.memory,
      uptime_in_millis: os.uptime_in_millis,
    },
    response_times: { average: responseTimes.avg_in_millis, max: responseTimes.max_in_millis },
    requests: { disconnects: requests.disconnects, total: requests.total },
    concurrent_connections: connections,
    timestamp: now.toISOString(),
  };
}

/**
 * Registers `opensearch_dashboards_stats`, a stats collector: ready once the first ops sample arrived.
 * Returns the subscription to the samples, for the plugin to close on stop.
 */
export function registerOpsStatsCollector(usageCollection: UsageCollectionSetup, metrics$: Observable<OpsMetrics>): Subscription {
  let latest: OpsMetrics | undefined;
  const subscription = metrics$.subscribe((metrics) => (latest = metrics));
  const collector = usageCollection.makeStatsCollector<OpsStatsUsage>({
    type: OPENSEARCH_DASHBOARDS_STATS_TYPE,
    category: 'operational',
    schema: opsStatsSchema,
    isReady: () => latest !== undefined,
    fetch: () => (latest ? toOpsStats(latest, new Date()) : undefined),
  });
  usageCollection.registerCollector(collector);
  return subscription;
}

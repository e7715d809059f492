import { BehaviorSubject, ReplaySubject } from 'rxjs';
import type { OpsMetrics } from '../../../../../core/server';
import { usageCollectionPluginMock } from '../../mocks';
import { registerOpsStatsCollector } from './ops_stats_collector';

const sampleOpsMetrics = (): OpsMetrics => ({
  collected_at: new Date('2024-01-01T00:00:00.000Z'),
  process: {
    memory: { heap: { total_in_bytes: 100, used_in_bytes: 50, size_limit: 1000 }, resident_set_size_in_bytes: 200 },
    event_loop_delay: 1.5,
    pid: 1234,
    uptime_in_millis: 10_000,
  },
  os: {
    platform: 'linux',
    platformRelease: 'linux-6.2.0',
    load: { '1m': 0.5, '5m': 0.4, '15m': 0.3 },
    memory: { total_in_bytes: 4000, free_in_bytes: 1000, used_in_bytes: 3000 },
    uptime_in_millis: 99_000,
  },
  response_times: { avg_in_millis: 4.2, max_in_millis: 30 },
  requests: { disconnects: 1, total: 42, statusCodes: { 200: 40, 404: 2 } },
  concurrent_connections: 3,
});

describe('opensearch_dashboards_stats collector', () => {
  it('is a stats collector, ready once a sample arrived', async () => {
    const usageCollection = usageCollectionPluginMock.createSetupContract();
    const metrics$ = new ReplaySubject<OpsMetrics>(1);
    const subscription = registerOpsStatsCollector(usageCollection, metrics$);
    const collector = usageCollection.getCollectorByType('opensearch_dashboards_stats')!;
    expect(usageCollection.makeStatsCollector).toHaveBeenCalled();
    expect(await collector.isReady()).toBe(false);
    metrics$.next(sampleOpsMetrics());
    expect(await collector.isReady()).toBe(true);
    subscription.unsubscribe();
    expect(metrics$.observed).toBe(false);
  });

  it('reports the sample without pid, status codes or collection time, with averaged response times', async () => {
    const usageCollection = usageCollectionPluginMock.createSetupContract();
    registerOpsStatsCollector(usageCollection, new BehaviorSubject(sampleOpsMetrics()));
    const [stats] = await usageCollection.bulkFetch();
    expect(stats.type).toBe('opensearch_dashboards_stats');
    const result = stats.result as any;
    expect(result.process).toEqual({
      memory: { heap: { total_in_bytes: 100, used_in_bytes: 50, size_limit: 1000 }, resident_set_size_in_bytes: 200 },
      event_loop_delay: 1.5,
      uptime_in_millis: 10_000,
    });
    expect(result.response_times).toEqual({ average: 4.2, max: 30 });
    expect(result.requests).toEqual({ disconnects: 1, total: 42 });
    expect(result.os.load).toEqual({ '1m': 0.5, '5m': 0.4, '15m': 0.3 });
    expect(result.timestamp).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(JSON.stringify(result)).not.toContain('1234');
    expect(result.collected_at).toBeUndefined();
  });
});

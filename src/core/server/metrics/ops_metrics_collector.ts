import { getHeapStatistics } from 'v8';
import os from 'os';
import { monitorEventLoopDelay, IntervalHistogram } from 'perf_hooks';
import { RequestObservation } from '../http';
import { OpsMetrics } from './types';

/**
 * Accumulates request observations and reads process / OS figures. `collect()` returns one sample and resets
 * the per-interval counters (response times, request counts, event-loop histogram).
 */
export class OpsMetricsCollector {
  private readonly loopDelay: IntervalHistogram;
  private requests = { total: 0, disconnects: 0, statusCodes: {} as Record<number, number> };
  private responseTimes = { sum: 0, max: 0 };

  constructor() {
    this.loopDelay = monitorEventLoopDelay({ resolution: 10 });
    this.loopDelay.enable();
  }

  public observeRequest({ statusCode, durationMs }: RequestObservation) {
    this.requests.total++;
    this.requests.statusCodes[statusCode] = (this.requests.statusCodes[statusCode] ?? 0) + 1;
    this.responseTimes.sum += durationMs;
    this.responseTimes.max = Math.max(this.responseTimes.max, durationMs);
  }

  public collect(concurrentConnections = 0): OpsMetrics {
    const memory = process.memoryUsage();
    const [l1, l5, l15] = os.loadavg();
    const total = os.totalmem();
    const free = os.freemem();
    const count = this.requests.total;
    const sample: OpsMetrics = {
      collected_at: new Date(),
      process: {
        memory: {
          heap: {
            total_in_bytes: memory.heapTotal,
            used_in_bytes: memory.heapUsed,
            size_limit: getHeapStatistics().heap_size_limit,
          },
          resident_set_size_in_bytes: memory.rss,
        },
        // The histogram is in nanoseconds; NaN when it recorded nothing yet.
        event_loop_delay: Number.isFinite(this.loopDelay.mean) ? this.loopDelay.mean / 1e6 : 0,
        pid: process.pid,
        uptime_in_millis: process.uptime() * 1000,
      },
      os: {
        platform: os.platform(),
        platformRelease: `${os.platform()}-${os.release()}`,
        load: { '1m': l1, '5m': l5, '15m': l15 },
        memory: { total_in_bytes: total, free_in_bytes: free, used_in_bytes: total - free },
        uptime_in_millis: os.uptime() * 1000,
      },
      response_times: {
        avg_in_millis: count ? this.responseTimes.sum / count : 0,
        max_in_millis: this.responseTimes.max,
      },
      requests: { ...this.requests, statusCodes: { ...this.requests.statusCodes } },
      concurrent_connections: concurrentConnections,
    };
    this.requests = { total: 0, disconnects: 0, statusCodes: {} };
    this.responseTimes = { sum: 0, max: 0 };
    this.loopDelay.reset();
    return sample;
  }

  public stop() {
    this.loopDelay.disable();
  }
}

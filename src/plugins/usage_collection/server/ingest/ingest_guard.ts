import type { Logger } from '../../../../core/server';
import type { IngestStats } from '../collector/collector_stats';
import type { ReportIncrements } from '../report/report_increments';
import { DistinctNameCap } from './distinct_name_cap';
import { ReportRateLimiter } from './rate_limiter';
import { StoreAvailability } from './store_availability';
import { storedApplicationIds, storedUiMetricIds, type NameSource } from './stored_names';

export interface IngestGuardOptions {
  logger: Logger;
  maxKeys: number;
  maxApps: number;
  maxReportsPerMinute: number;
  /** Test hooks: the caps' re-read interval, the store probe interval. */
  namesRefreshIntervalMs?: number;
  storeProbeIntervalMs?: number;
}

/**
 * What stands between a client and the store on `POST /api/ui_metric/report`: the per-client rate limit,
 * the caps on distinct counters and applications, and the store's availability. One object, so the route
 * and `usage_collector_stats` see the same state.
 */
export class IngestGuard {
  public readonly limiter: ReportRateLimiter;
  public readonly availability: StoreAvailability;
  private readonly keys: DistinctNameCap;
  private readonly apps: DistinctNameCap;
  private source?: NameSource;

  constructor(options: IngestGuardOptions) {
    const { logger } = options;
    this.limiter = new ReportRateLimiter({ maxPerMinute: options.maxReportsPerMinute });
    this.availability = new StoreAvailability({ logger, probeIntervalMs: options.storeProbeIntervalMs });
    const onRefreshError = (error: Error) => {
      if (!this.availability.failed(error)) logger.warn(`Could not re-read the stored ui-metric names: ${error.message}`);
    };
    const common = { logger, onRefreshError, refreshIntervalMs: options.namesRefreshIntervalMs };
    this.keys = new DistinctNameCap({
      ...common,
      description: 'ui-metric counters',
      configKey: 'usageCollection.uiMetric.maxKeys',
      max: options.maxKeys,
      listStored: () => storedUiMetricIds(this.source!),
    });
    this.apps = new DistinctNameCap({
      ...common,
      description: 'applications',
      configKey: 'usageCollection.applicationUsage.maxApps',
      max: options.maxApps,
      listStored: () => storedApplicationIds(this.source!),
    });
  }

  /** Plugin start: reads the stored names (in the background) and keeps them fresh. */
  public start(source: NameSource) {
    this.source = source;
    this.keys.start();
    this.apps.start();
  }

  public stop() {
    this.keys.stop();
    this.apps.stop();
  }

  /**
   * Undefined once both caps know the stored names; otherwise a promise of that (rejecting with the
   * store's error if reading them failed). Undefined before `start()` too: the writer refuses then.
   */
  public ready(): Promise<unknown> | undefined {
    if (!this.source) return undefined;
    const keys = this.keys.ready();
    const apps = this.apps.ready();
    if (!keys && !apps) return undefined;
    return Promise.all([keys, apps]);
  }

  /**
   * The increments the caps let through: new counters and applications past their cap are left out, the
   * rest stays. Returns `increments` itself when nothing was left out (the common case allocates nothing).
   */
  public admit(increments: ReportIncrements): ReportIncrements {
    if (!this.source) return increments;
    const { counters, applicationUsage } = increments;
    let keptCounters = counters;
    for (let i = 0; i < counters.length; i++) {
      if (this.keys.admit(counters[i].id)) {
        if (keptCounters !== counters) keptCounters.push(counters[i]);
      } else if (keptCounters === counters) {
        keptCounters = counters.slice(0, i);
      }
    }
    let keptUsage = applicationUsage;
    for (let i = 0; i < applicationUsage.length; i++) {
      if (this.apps.admit(applicationUsage[i].appId)) {
        if (keptUsage !== applicationUsage) keptUsage.push(applicationUsage[i]);
      } else if (keptUsage === applicationUsage) {
        keptUsage = applicationUsage.slice(0, i);
      }
    }
    return keptCounters === counters && keptUsage === applicationUsage ? increments : { counters: keptCounters, applicationUsage: keptUsage };
  }

  public getStats(): IngestStats {
    return {
      dropped_ui_metric_keys: this.keys.droppedCount,
      dropped_applications: this.apps.droppedCount,
      throttled_reports: this.limiter.refusedCount,
    };
  }
}

import type { Observable, Subscription } from 'rxjs';
import type { OpsMetrics } from '../../../core/server';

/** Core's default `ops.interval`, used until two samples show the real one. */
const DEFAULT_OPS_INTERVAL_MS = 5000;

/**
 * Keeps the latest ops sample for `/api/stats`, and the sampling interval. Core does not expose
 * `ops.interval` to plugins, so it is measured between consecutive samples.
 */
export class OpsMetricsTracker {
  private latest?: OpsMetrics;
  private intervalMs = DEFAULT_OPS_INTERVAL_MS;
  private readonly subscription: Subscription;

  constructor(metrics$: Observable<OpsMetrics>) {
    this.subscription = metrics$.subscribe((metrics) => {
      if (this.latest) {
        const elapsed = metrics.collected_at.getTime() - this.latest.collected_at.getTime();
        if (elapsed > 0) this.intervalMs = Math.round(elapsed / 100) * 100 || elapsed;
      }
      this.latest = metrics;
    });
  }

  public get() {
    return { metrics: this.latest, intervalMs: this.intervalMs };
  }

  public stop() {
    this.subscription.unsubscribe();
  }
}

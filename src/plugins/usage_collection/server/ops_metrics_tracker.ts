import type { Observable, Subscription } from 'rxjs';
import type { OpsMetrics } from '../../../core/server';

/** Keeps the latest ops sample for `/api/stats`, with core's sampling interval (`ops.interval`). */
export class OpsMetricsTracker {
  private latest?: OpsMetrics;
  private readonly subscription: Subscription;

  constructor(metrics$: Observable<OpsMetrics>, private readonly intervalMs: number) {
    this.subscription = metrics$.subscribe((metrics) => {
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

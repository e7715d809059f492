import { ReplaySubject } from 'rxjs';
import { InternalHttpServiceSetup } from '../http';
import { Logger } from '../logging';
import { OpsMetricsCollector } from './ops_metrics_collector';
import { MetricsServiceSetup, OpsMetrics } from './types';

/** Samples ops metrics every `ops.interval` from start to stop and publishes them as an observable. */
export class MetricsService {
  private readonly collector = new OpsMetricsCollector();
  private readonly metrics$ = new ReplaySubject<OpsMetrics>(1);
  private timer?: NodeJS.Timeout;

  constructor(private readonly options: { intervalMs: number; logger: Logger }) {}

  public setup({ http }: { http: InternalHttpServiceSetup }): MetricsServiceSetup {
    http.onRequestFinished((o) => this.collector.observeRequest(o));
    return this.contract();
  }

  public start(): MetricsServiceSetup {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.options.intervalMs);
    this.timer.unref();
    return this.contract();
  }

  public stop() {
    if (this.timer) clearInterval(this.timer);
    this.collector.stop();
    this.metrics$.complete();
  }

  private contract(): MetricsServiceSetup {
    return { collectionInterval: this.options.intervalMs, getOpsMetrics$: () => this.metrics$.asObservable() };
  }

  private sample() {
    try {
      this.metrics$.next(this.collector.collect());
    } catch (e) {
      this.options.logger.warn(`Collecting ops metrics failed: ${(e as Error).message}`);
    }
  }
}

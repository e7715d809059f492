import { Subject } from 'rxjs';
import { OpsMetricsTracker } from './ops_metrics_tracker';

const at = (iso: string) => ({ collected_at: new Date(iso) } as any);

describe('OpsMetricsTracker', () => {
  it('keeps the latest sample and reports core’s interval', () => {
    const metrics$ = new Subject<any>();
    const tracker = new OpsMetricsTracker(metrics$, 10000);
    expect(tracker.get()).toEqual({ metrics: undefined, intervalMs: 10000 });
    metrics$.next(at('2024-01-01T00:00:00.000Z'));
    metrics$.next(at('2024-01-01T00:00:10.004Z'));
    expect(tracker.get().metrics!.collected_at.toISOString()).toBe('2024-01-01T00:00:10.004Z');
    tracker.stop();
    expect(metrics$.observed).toBe(false);
  });
});

import { OpsMetricsCollector } from './ops_metrics_collector';

describe('OpsMetricsCollector', () => {
  let collector: OpsMetricsCollector;
  beforeEach(() => (collector = new OpsMetricsCollector()));
  afterEach(() => collector.stop());

  it('counts requests per status code and their response times over one interval, then starts again', () => {
    collector.observeRequest({ statusCode: 200, durationMs: 4 });
    collector.observeRequest({ statusCode: 200, durationMs: 2 });
    collector.observeRequest({ statusCode: 404, durationMs: 6 });
    const first = collector.collect();
    expect(first.requests).toEqual({ total: 3, disconnects: 0, statusCodes: { 200: 2, 404: 1 } });
    expect(first.response_times).toEqual({ avg_in_millis: 4, max_in_millis: 6 });

    collector.observeRequest({ statusCode: 503, durationMs: 1 });
    const second = collector.collect();
    expect(second.requests).toEqual({ total: 1, disconnects: 0, statusCodes: { 503: 1 } });
    // A sample handed out earlier is not changed by later requests.
    expect(first.requests.statusCodes).toEqual({ 200: 2, 404: 1 });
    expect(collector.collect().requests).toEqual({ total: 0, disconnects: 0, statusCodes: {} });
  });

  it('reads process and OS figures', () => {
    const sample = collector.collect();
    expect(sample.process.pid).toBe(process.pid);
    expect(sample.process.memory.heap.used_in_bytes).toBeGreaterThan(0);
    expect(Object.keys(sample.os.load)).toEqual(['1m', '5m', '15m']);
    expect(sample.collected_at).toBeInstanceOf(Date);
  });
});

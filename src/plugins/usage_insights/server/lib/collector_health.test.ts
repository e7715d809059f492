import { CollectorHealth, HEALTH_CACHE_MS } from './collector_health';

const stats = (name: string) => [{ type: 'usage_collector_stats', result: { total_duration: 1, collectors: [{ name, status: 'succeeded', fetch_duration: 1 }] } }];

describe('CollectorHealth', () => {
  it('measures once for concurrent callers and then serves the measurement for a minute', async () => {
    let now = 0;
    let calls = 0;
    const health = new CollectorHealth(async () => stats(`run-${++calls}`), () => now);
    const [a, b] = await Promise.all([health.get(), health.get()]);
    expect(calls).toBe(1);
    expect(a).toBe(b);
    expect(a.collectors[0].name).toBe('run-1');
    now = HEALTH_CACHE_MS - 1;
    expect((await health.get()).collectors[0].name).toBe('run-1');
    now = HEALTH_CACHE_MS;
    expect((await health.get()).collectors[0].name).toBe('run-2');
  });

  it('keeps no failed measurement: the next call measures again', async () => {
    let fail = true;
    const health = new CollectorHealth(async () => {
      if (fail) throw new Error('boom');
      return stats('ok');
    });
    await expect(health.get()).rejects.toThrow('boom');
    fail = false;
    expect((await health.get()).collectors.map((c) => c.name)).toEqual(['ok']);
  });
});

import { createLoggerMock } from '../mocks';
import { CollectorSet, CollectorSetOptions } from './collector_set';
import type { UsageCollectorStats } from './collector_stats';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const never = () => new Promise<never>(() => undefined);

function createSet(overrides: Partial<CollectorSetOptions> = {}) {
  const logger = createLoggerMock();
  const set = new CollectorSet({ logger, maximumWaitTimeForAllCollectorsInS: 60, collectorFetchTimeoutInS: 0.2, ...overrides });
  return { set, logger };
}

const statsOf = (results: Array<{ type: string; result: unknown }>) =>
  results.find((r) => r.type === 'usage_collector_stats')!.result as UsageCollectorStats;

describe('CollectorSet registration', () => {
  it('rejects objects that are not collectors, and duplicate types (also across kinds)', () => {
    const { set } = createSet();
    // @ts-expect-error: not a collector
    expect(() => set.registerCollector({ type: 'x', fetch: () => 1 })).toThrow('CollectorSet can only have Collector instances registered');
    set.registerCollector(set.makeStatsCollector({ type: 'x', fetch: () => 1 }));
    expect(() => set.registerCollector(set.makeUsageCollector<{ a: number }>({ type: 'x', schema: { a: 'long' }, fetch: () => ({ a: 1 }) }))).toThrow(
      `Usage collector's type "x" is duplicated.`
    );
  });

  it("answers each result type's category: the collector's, operational for usage_collector_stats, usage by default and for unknown types", () => {
    const { set } = createSet();
    set.registerCollector(set.makeUsageCollector<{ a: number }>({ type: 'ops', category: 'operational', schema: { a: 'long' }, fetch: () => ({ a: 1 }) }));
    set.registerCollector(set.makeUsageCollector<{ a: number }>({ type: 'clicks', category: 'usage', schema: { a: 'long' }, fetch: () => ({ a: 1 }) }));
    set.registerCollector(set.makeUsageCollector<{ a: number }>({ type: 'third_party', schema: { a: 'long' }, fetch: () => ({ a: 1 }) }));
    expect(['ops', 'clicks', 'third_party', 'usage_collector_stats', 'never_registered'].map(set.getCategory)).toEqual([
      'operational',
      'usage',
      'usage',
      'operational',
      'usage',
    ]);
    expect(() => set.makeUsageCollector<{ a: number }>({ type: 'bad', category: 'health' as any, schema: { a: 'long' }, fetch: () => ({ a: 1 }) })).toThrow(
      `Collector "bad": options.category must be 'operational' or 'usage' when given, got "health"`
    );
  });

  it('reserves usage_collector_stats', () => {
    const { set } = createSet();
    expect(() => set.registerCollector(set.makeStatsCollector({ type: 'usage_collector_stats', fetch: () => 1 }))).toThrow('is duplicated');
  });

  it('finds collectors by type and tells usage collectors apart', () => {
    const { set } = createSet();
    const usage = set.makeUsageCollector<{ a: number }>({ type: 'u', schema: { a: 'long' }, fetch: () => ({ a: 1 }) });
    set.registerCollector(usage);
    expect(set.getCollectorByType('u')).toBe(usage);
    expect(set.getCollectorByType('missing')).toBeUndefined();
    expect(set.isUsageCollector(usage)).toBe(true);
    expect(set.isUsageCollector(set.makeStatsCollector({ type: 's', fetch: () => 1 }))).toBe(false);
  });
});

describe('CollectorSet.areAllCollectorsReady', () => {
  it('is true when every collector is ready, checking them in parallel', async () => {
    const { set } = createSet();
    for (const type of ['a', 'b', 'c']) {
      set.registerCollector(set.makeStatsCollector({ type, isReady: () => sleep(50).then(() => true), fetch: () => 1 }));
    }
    const started = Date.now();
    expect(await set.areAllCollectorsReady()).toBe(true);
    expect(Date.now() - started).toBeLessThan(140);
  });

  it('waits at most maximumWaitTimeForAllCollectorsInS from the first not-ready answer', async () => {
    let now = 1000;
    const { set, logger } = createSet({ maximumWaitTimeForAllCollectorsInS: 10, now: () => now });
    set.registerCollector(set.makeStatsCollector({ type: 'slow', isReady: () => false, fetch: () => 1 }));
    expect(await set.areAllCollectorsReady()).toBe(false);
    now += 9_999;
    expect(await set.areAllCollectorsReady()).toBe(false);
    now += 1;
    expect(await set.areAllCollectorsReady()).toBe(true);
    expect(logger.debug).toHaveBeenCalledWith(expect.stringContaining('(waiting for slow) but we have waited the required 10s'));
  });

  it('with 0 never waits (upstream turned 0 into 60), and with a negative value waits for ever', async () => {
    const zero = createSet({ maximumWaitTimeForAllCollectorsInS: 0 }).set;
    zero.registerCollector(zero.makeStatsCollector({ type: 'slow', isReady: () => false, fetch: () => 1 }));
    expect(await zero.areAllCollectorsReady()).toBe(true);

    let now = 0;
    const forever = createSet({ maximumWaitTimeForAllCollectorsInS: -1, now: () => now }).set;
    forever.registerCollector(forever.makeStatsCollector({ type: 'slow', isReady: () => false, fetch: () => 1 }));
    expect(await forever.areAllCollectorsReady()).toBe(false);
    now = 1e12;
    expect(await forever.areAllCollectorsReady()).toBe(false);
  });

  it('counts a readiness check that hangs or throws as not ready, within the collector budget', async () => {
    const { set } = createSet({ collectorFetchTimeoutInS: 0.05 });
    set.registerCollector(set.makeStatsCollector({ type: 'hangs', isReady: never, fetch: () => 1 }));
    set.registerCollector(
      set.makeStatsCollector({
        type: 'throws',
        isReady: () => {
          throw new Error('boom');
        },
        fetch: () => 1,
      })
    );
    const started = Date.now();
    expect(await set.areAllCollectorsReady()).toBe(false);
    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe('CollectorSet.bulkFetch', () => {
  it('fetches every collector in parallel and reports each one in usage_collector_stats', async () => {
    const { set } = createSet();
    for (let i = 0; i < 50; i++) {
      set.registerCollector(set.makeStatsCollector({ type: `c${i}`, fetch: () => sleep(40).then(() => i) }));
    }
    const started = Date.now();
    const results = await set.bulkFetch();
    expect(Date.now() - started).toBeLessThan(150);
    expect(results).toHaveLength(51);
    expect(results[7]).toEqual({ type: 'c7', result: 7 });
    const stats = statsOf(results);
    expect(stats.succeeded.count).toBe(50);
    expect(stats.collectors[0]).toMatchObject({ name: 'c0', status: 'succeeded', dropped_fields: 0 });
    expect(stats.collectors[0].fetch_duration).toBeGreaterThanOrEqual(30);
  });

  it('reports what the ui-metric route refused or dropped under usage_collector_stats.ingest (zeros without a source)', async () => {
    expect(statsOf(await createSet().set.bulkFetch()).ingest).toEqual({ dropped_ui_metric_keys: 0, dropped_applications: 0, throttled_reports: 0 });
    let dropped = 3;
    const { set } = createSet({ getIngestStats: () => ({ dropped_ui_metric_keys: dropped, dropped_applications: 1, throttled_reports: 7 }) });
    expect(statsOf(await set.bulkFetch()).ingest).toEqual({ dropped_ui_metric_keys: 3, dropped_applications: 1, throttled_reports: 7 });
    dropped = 5;
    expect(statsOf(await set.bulkFetchUsage()).ingest.dropped_ui_metric_keys).toBe(5);
  });

  it('isolates a collector that throws, rejects or never answers', async () => {
    const { set, logger } = createSet({ collectorFetchTimeoutInS: 0.1 });
    set.registerCollector(set.makeStatsCollector({ type: 'good', fetch: () => 'ok' }));
    set.registerCollector(
      set.makeStatsCollector({
        type: 'throws',
        fetch: () => {
          throw new Error('sync boom');
        },
      })
    );
    set.registerCollector(set.makeStatsCollector({ type: 'rejects', fetch: () => Promise.reject(new Error('async boom')) }));
    set.registerCollector(set.makeStatsCollector({ type: 'hangs', fetch: never }));
    set.registerCollector(set.makeStatsCollector({ type: 'not-ready', isReady: () => false, fetch: () => 'never called' }));
    set.registerCollector(set.makeStatsCollector({ type: 'ready-hangs', isReady: never, fetch: () => 'never called' }));

    const started = Date.now();
    const results = await set.bulkFetch();
    expect(Date.now() - started).toBeLessThan(400);
    expect(results.filter((r) => r.type !== 'usage_collector_stats')).toEqual([{ type: 'good', result: 'ok' }]);
    const stats = statsOf(results);
    expect(stats.succeeded.names).toEqual(['good']);
    expect(stats.failed.names).toEqual(['rejects', 'throws']);
    expect(stats.timed_out.names).toEqual(['hangs']);
    expect(stats.not_ready.names).toEqual(['not-ready']);
    expect(stats.not_ready_timeout.names).toEqual(['ready-hangs']);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('Unable to fetch data from throws collector: Error: sync boom'));
  });

  it('filters usage data to the schema and counts what it dropped', async () => {
    const { set, logger } = createSet();
    set.registerCollector(
      set.makeUsageCollector<{ a: number }>({ type: 'leaky', schema: { a: 'long' }, fetch: () => ({ a: 1, password: 'hunter2', b: 2 } as any) })
    );
    set.registerCollector(set.makeUsageCollector<{ a: number }>({ type: 'wrong', schema: { a: 'long' }, fetch: () => ({ a: 'one' } as any) }));
    const results = await set.bulkFetch();
    expect(set.toObject(results)).toMatchObject({ leaky: { a: 1 }, wrong: {} });
    expect(JSON.stringify(results)).not.toContain('hunter2');
    expect(JSON.stringify(results)).not.toContain('password');
    const stats = statsOf(results);
    expect(stats.dropped_fields).toBe(2);
    expect(stats.invalid_values).toBe(1);
    expect(stats.collectors.find((c) => c.name === 'leaky')).toMatchObject({ dropped_fields: 2, invalid_values: 0 });
    // Once per collector, however many fetches.
    await set.bulkFetch();
    expect(logger.warn.mock.calls.filter(([m]) => String(m).includes('"leaky" returned data its schema does not declare'))).toHaveLength(1);
  });

  it('leaves out undefined results, as upstream documents', async () => {
    const { set } = createSet();
    set.registerCollector(set.makeStatsCollector({ type: 'nothing', fetch: () => undefined }));
    const results = await set.bulkFetch();
    expect(results.map((r) => r.type)).toEqual(['usage_collector_stats']);
    expect(statsOf(results).succeeded.names).toEqual(['nothing']);
  });

  it('bulkFetchUsage fetches usage collectors only', async () => {
    const { set } = createSet();
    const stats = jest.fn(() => 1);
    set.registerCollector(set.makeStatsCollector({ type: 'stats', fetch: stats }));
    set.registerCollector(set.makeUsageCollector<{ a: number }>({ type: 'usage', schema: { a: 'long' }, fetch: () => ({ a: 1 }) }));
    expect(set.toObject(await set.bulkFetchUsage())).toEqual({ usage: { a: 1 }, usage_collector_stats: expect.any(Object) });
    expect(stats).not.toHaveBeenCalled();
  });

  it('shares one in-flight fetch between concurrent callers', async () => {
    const { set } = createSet();
    const fetch = jest.fn(() => sleep(30).then(() => 1));
    set.registerCollector(set.makeStatsCollector({ type: 'x', fetch }));
    const [a, b, c] = await Promise.all([set.bulkFetch(), set.bulkFetch(), set.bulkFetch()]);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(a).toEqual(b);
    expect(a).not.toBe(c);
    await set.bulkFetch();
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('joins a fetch still running from an earlier, timed-out round instead of starting another', async () => {
    const { set } = createSet({ collectorFetchTimeoutInS: 0.03 });
    let release!: (v: string) => void;
    const fetch = jest.fn(() => new Promise<string>((resolve) => (release = resolve)));
    set.registerCollector(set.makeStatsCollector({ type: 'slow', fetch }));
    expect(statsOf(await set.bulkFetch()).timed_out.names).toEqual(['slow']);
    const second = set.bulkFetch();
    await sleep(5);
    release('late');
    expect(set.toObject(await second)).toMatchObject({ slow: 'late' });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('hands every collector the same frozen context, with the default saved-objects client', async () => {
    const client = { find: jest.fn() } as any;
    const { set } = createSet({ getDefaultSavedObjectsClient: () => client });
    const seen: unknown[] = [];
    for (const type of ['a', 'b']) {
      set.registerCollector(set.makeStatsCollector({ type, fetch: (_c, _o, context) => void seen.push(context) }));
    }
    await set.bulkFetch();
    expect(seen[0]).toBe(seen[1]);
    expect(Object.isFrozen(seen[0])).toBe(true);
    expect(seen[0]).toEqual({ savedObjectsClient: client });
    const own = { find: jest.fn() } as any;
    await set.bulkFetch(undefined, undefined, { savedObjectsClient: own });
    expect(seen[2]).toEqual({ savedObjectsClient: own });
  });

  it('returns frozen results', async () => {
    const { set } = createSet();
    set.registerCollector(set.makeUsageCollector<{ a: { b: number } }>({ type: 'u', schema: { a: { b: 'long' } }, fetch: () => ({ a: { b: 1 } }) }));
    const [{ result }] = await set.bulkFetch();
    expect(Object.isFrozen((result as any).a)).toBe(true);
  });
});

describe('CollectorSet.getUsageSchema', () => {
  it('maps each usage collector type to its schema, with usage_collector_stats', () => {
    const { set } = createSet();
    set.registerCollector(set.makeUsageCollector<{ a: number }>({ type: 'u', schema: { a: 'long' }, fetch: () => ({ a: 1 }) }));
    set.registerCollector(set.makeStatsCollector({ type: 's', fetch: () => 1 }));
    expect(Object.keys(set.getUsageSchema()).sort()).toEqual(['u', 'usage_collector_stats']);
  });
});

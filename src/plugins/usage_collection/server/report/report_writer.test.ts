import { SavedObjectsErrorHelpers, type SavedObjectsCommittedCountersListener, type SavedObjectsCounters } from '../../../../core/server';
import { APPLICATION_USAGE_TRANSACTIONAL_TYPE } from '../collectors/application_usage/saved_object_types';
import { createTestStore } from '../test_store';
import type { ReportIncrements } from './report_increments';
import { ReportWriter, WriterUnavailableError } from './report_writer';

const MAX = Number.MAX_SAFE_INTEGER;

const report = (ids: Array<[string, number]>, applicationUsage: ReportIncrements['applicationUsage'] = []): ReportIncrements => ({
  counters: ids.map(([id, incrementBy]) => ({ id, incrementBy })),
  applicationUsage,
});

/** What the writer hands to the daily-count buffer, in order. */
function dailySink() {
  const daily: Array<[string, string, Record<string, string>, number]> = [];
  return { daily, addDailyCount: (type: string, id: string, attributes: Record<string, string>, count: number) => (daily.push([type, id, attributes, count]), true) };
}

describe('ReportWriter', () => {
  let store: Awaited<ReturnType<typeof createTestStore>>;
  beforeEach(async () => (store = await createTestStore()));
  afterEach(() => store.close());

  const count = async (id: string) => ((await store.repository.get('ui-metric', id)).attributes as { count: number }).count;

  it('refuses writes before start and after stop (503 in the route)', async () => {
    const writer = new ReportWriter({ lingerMs: 0 });
    await expect(writer.write(report([['a:b', 1]]))).rejects.toBeInstanceOf(WriterUnavailableError);
    writer.start(store.counters);
    await writer.stop();
    await expect(writer.write(report([['a:b', 1]]))).rejects.toThrow('The ui metric store is not available: the server is stopping');
  });

  it("hands concurrent reports to core's counters port, which stores each counter's sum and each app's usage of the commit", async () => {
    const sink = dailySink();
    const writer = new ReportWriter({ lingerMs: 0, dailyCounts: sink });
    writer.start(store.counters);
    await Promise.all([
      writer.write(report([['app:a', 2], ['app:GET:_search', 1]], [{ appId: 'home', minutesOnScreen: 1, numberOfClicks: 2 }])),
      writer.write(report([['app:a', 3]], [{ appId: 'home', minutesOnScreen: 0.5, numberOfClicks: 1 }])),
      writer.write(report([])),
    ]);
    expect([await count('app:a'), await count('app:GET:_search')]).toEqual([5, 1]);
    const { saved_objects: usage } = await store.repository.find({ type: APPLICATION_USAGE_TRANSACTIONAL_TYPE });
    // One transactional document per app and commit, summed over its reports.
    expect(usage.map((o) => o.attributes)).toEqual([{ appId: 'home', minutesOnScreen: 1.5, numberOfClicks: 3, timestamp: expect.any(String) }]);
    const today = new Date().toISOString().slice(0, 10);
    expect(sink.daily).toEqual([
      ['ui-metric-daily', `app:a:${today}`, { appName: 'app', eventName: 'a', date: today }, 5],
      // Everything after the first ':' is the event, as in the all-time counter's id.
      ['ui-metric-daily', `app:GET:_search:${today}`, { appName: 'app', eventName: 'GET:_search', date: today }, 1],
    ]);
    await writer.stop();
  });

  it('gives a refused report no daily count and no application usage: only what a commit stored reaches them', async () => {
    const sink = dailySink();
    const writer = new ReportWriter({ lingerMs: 0, dailyCounts: sink });
    writer.start(store.counters);
    // A counter holding text: the store refuses to raise it.
    await store.repository.create('ui-metric', { count: 'x' }, { id: 'bad:x' });
    const results = await Promise.allSettled([
      writer.write(report([['app:a', 1]])),
      writer.write(report([['bad:x', 1]], [{ appId: 'home', minutesOnScreen: 1, numberOfClicks: 1 }])),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect(SavedObjectsErrorHelpers.isBadRequestError((results[1] as PromiseRejectedResult).reason)).toBe(true);
    expect(sink.daily.map(([, id, , n]) => [id.slice(0, -11), n])).toEqual([['app:a', 1]]);
    expect((await store.repository.find({ type: APPLICATION_USAGE_TRANSACTIONAL_TYPE })).total).toBe(0);
    await writer.stop();
  });

  it('refuses a report that would carry a counter or an app usage past MAX_SAFE_INTEGER in its commit (400), storing the others', async () => {
    const writer = new ReportWriter({ lingerMs: 0 });
    writer.start(store.counters);
    const results = await Promise.allSettled([
      writer.write(report([['app:big', MAX - 10], ['app:x', 1]])),
      writer.write(report([['app:y', 0], ['app:x', 2], ['app:big', 11]])),
      writer.write(report([['app:x', 4]], [{ appId: 'home', minutesOnScreen: 1, numberOfClicks: MAX }])),
      writer.write(report([], [{ appId: 'home', minutesOnScreen: 1, numberOfClicks: 1 }])),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected']);
    expect((results[1] as PromiseRejectedResult).reason.message).toContain(`counter [ui-metric:app:big] (count) past ${MAX}`);
    expect((results[3] as PromiseRejectedResult).reason.message).toContain(`numberOfClicks of [${APPLICATION_USAGE_TRANSACTIONAL_TYPE}:home]`);
    expect([await count('app:big'), await count('app:x')]).toEqual([MAX - 10, 5]);
    await expect(store.repository.get('ui-metric', 'app:y')).rejects.toThrow('not found');
    await writer.stop();
  });

  it("starts a new daily count with the commit's UTC day, and hands the linger to the port", async () => {
    let listener: SavedObjectsCommittedCountersListener | undefined;
    const port: SavedObjectsCounters = {
      increment: jest.fn(async () => undefined),
      onCommitted: jest.fn((_type, _field, l) => ((listener = l), () => (listener = undefined))),
      flush: jest.fn(async () => undefined),
    };
    const sink = dailySink();
    const writer = new ReportWriter({ lingerMs: 1000, dailyCounts: sink });
    writer.start(port);
    expect(port.onCommitted).toHaveBeenCalledWith('ui-metric', 'count', expect.any(Function));
    listener!([{ id: 'app:a', incrementBy: 1 }], new Date('2024-01-02T23:59:59.999Z'));
    listener!([{ id: 'app:a', incrementBy: 4 }], new Date('2024-01-03T00:00:00.000Z'));
    expect(sink.daily.map(([, id, , n]) => [id, n])).toEqual([
      ['app:a:2024-01-02', 1],
      ['app:a:2024-01-03', 4],
    ]);
    const increments = report([['app:a', 1]]);
    await writer.write(increments);
    expect(port.increment).toHaveBeenCalledWith({ increments: [{ type: 'ui-metric', counterFieldName: 'count', counters: increments.counters }], sums: undefined, lingerMs: 1000 });
    await writer.stop();
    expect(port.flush).toHaveBeenCalled();
    expect(listener).toBeUndefined();
  });
});

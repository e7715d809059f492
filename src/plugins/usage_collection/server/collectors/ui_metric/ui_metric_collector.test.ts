import { usageCollectionPluginMock } from '../../mocks';
import { createTestStore } from '../../test_store';
import { groupUiMetrics, readUiMetricCount, registerUiMetricUsageCollector, UI_METRIC_OMITTED_APP } from './ui_metric_collector';

describe('readUiMetricCount', () => {
  it('accepts non-negative safe integers only', () => {
    for (const count of [0, 1, 42, Number.MAX_SAFE_INTEGER]) expect(readUiMetricCount({ count })).toBe(count);
    for (const count of [2.5, -1, Number.MAX_SAFE_INTEGER + 1, NaN, Infinity, '3', null, undefined, true, { n: 1 }]) {
      expect(readUiMetricCount({ count })).toBeUndefined();
    }
    expect(readUiMetricCount(undefined)).toBeUndefined();
    expect(readUiMetricCount('x')).toBeUndefined();
  });
});

describe('groupUiMetrics', () => {
  it('groups by app, largest counts first; the event is everything after the first ":"', () => {
    expect(
      groupUiMetrics([
        { id: 'console:GET_search', attributes: { count: 3 } },
        { id: 'console:GET:cluster.stats', attributes: { count: 1 } },
        { id: 'opensearchDashboards-user_agent:Mozilla/5.0 (X11; Linux x86_64)', attributes: { count: 2 } },
        { id: 'console:b', attributes: { count: 2 } },
        { id: 'console:a', attributes: { count: 2 } },
      ])
    ).toEqual({
      console: [
        { key: 'GET_search', value: 3 },
        { key: 'a', value: 2 },
        { key: 'b', value: 2 },
        { key: 'GET:cluster.stats', value: 1 },
      ],
      'opensearchDashboards-user_agent': [{ key: 'Mozilla/5.0 (X11; Linux x86_64)', value: 2 }],
    });
  });

  it('skips unreadable counters (corrupt data) and counts them as invalid, without failing', () => {
    const usage = groupUiMetrics([
      { id: 'app:ok', attributes: { count: 1 } },
      { id: 'app:text', attributes: { count: '12' } },
      { id: 'app:fraction', attributes: { count: 2.5 } },
      { id: 'app:negative', attributes: { count: -4 } },
      { id: 'app:unsafe', attributes: { count: 2 ** 60 } },
      { id: 'app:missing', attributes: {} },
      { id: 'app:null', attributes: null },
      { id: 'no-colon', attributes: { count: 9 } },
      { id: ':no-app', attributes: { count: 9 } },
    ]);
    expect(usage).toEqual({ app: [{ key: 'ok', value: 1 }], [UI_METRIC_OMITTED_APP]: [{ key: 'invalid', value: 8 }] });
  });

  it('keeps the budget: the largest counts, and says how many it left out and their total', () => {
    const objects = Array.from({ length: 100 }, (_, i) => ({ id: `app${i % 7}:e${i}`, attributes: { count: i } }));
    // Read order must not matter: shuffle deterministically.
    const shuffled = objects.map((o, i) => ({ o, k: (i * 37) % 101 })).sort((a, b) => a.k - b.k).map(({ o }) => o);
    const usage = groupUiMetrics(shuffled, 10);
    const kept = Object.entries(usage)
      .filter(([app]) => app !== UI_METRIC_OMITTED_APP)
      .flatMap(([, entries]) => entries.map((e) => e.value));
    expect(kept.sort((a, b) => b - a)).toEqual([99, 98, 97, 96, 95, 94, 93, 92, 91, 90]);
    expect(usage[UI_METRIC_OMITTED_APP]).toEqual([
      { key: 'keys', value: 90 },
      { key: 'count', value: (89 * 90) / 2 },
    ]);
    // Apps in the order of their largest counter: 99 is app1, 98 app0, 97 app6...
    expect(Object.keys(usage).slice(0, 3)).toEqual(['app1', 'app0', 'app6']);
    // Ties at the cut go to the smaller id; a zero budget keeps nothing.
    const ties = groupUiMetrics([{ id: 'a:z', attributes: { count: 1 } }, { id: 'a:y', attributes: { count: 1 } }], 1);
    expect(ties).toEqual({ a: [{ key: 'y', value: 1 }], [UI_METRIC_OMITTED_APP]: [{ key: 'keys', value: 1 }, { key: 'count', value: 1 }] });
    expect(groupUiMetrics([{ id: 'a:z', attributes: { count: 3 } }], 0)).toEqual({ [UI_METRIC_OMITTED_APP]: [{ key: 'keys', value: 1 }, { key: 'count', value: 3 }] });
  });

  it('keeps an app named __proto__ as data', () => {
    const usage = groupUiMetrics([{ id: '__proto__:x', attributes: { count: 1 } }]);
    expect(Object.keys(usage)).toEqual(['__proto__']);
  });
});

describe('ui_metric collector', () => {
  it('is not ready before start, then scans every counter page by page into the budget, with the schema applied', async () => {
    const store = await createTestStore();
    try {
      const usageCollection = usageCollectionPluginMock.createSetupContract();
      let client: typeof store.client | undefined;
      registerUiMetricUsageCollector(usageCollection, () => client, { maxKeys: 10_000 });
      const collector = usageCollection.getCollectorByType('ui_metric')!;
      expect(await collector.isReady()).toBe(false);
      client = store.client;
      expect(await collector.isReady()).toBe(true);

      // 10,050 counters (over 10 pages): the 50 of count 1 fall off the budget of 10,000.
      const ops = [];
      for (let i = 0; i < 10_050; i++) ops.push({ type: 'ui-metric', id: `app${i % 3}:event_${i}`, counterFieldName: 'count', incrementBy: i < 10_000 ? 2 : 1 });
      await store.repository.incrementCounters(ops, { returnObjects: false });
      await store.repository.create('ui-metric', { count: 'corrupt' }, { id: 'app0:corrupt' });
      const scan = jest.spyOn(store.client, 'scan');
      const usage = (await collector.fetch(undefined, undefined, { savedObjectsClient: store.client })) as Record<string, Array<{ key: string; value: number }>>;
      expect(scan).toHaveBeenCalledWith({ type: 'ui-metric', perPage: 1000, fields: ['count'] });
      expect(Object.keys(usage).sort()).toEqual(['app0', 'app1', 'app2', UI_METRIC_OMITTED_APP]);
      expect(usage.app0.length + usage.app1.length + usage.app2.length).toBe(10_000);
      expect(usage.app1).toContainEqual({ key: 'event_9997', value: 2 });
      expect(usage[UI_METRIC_OMITTED_APP]).toEqual([
        { key: 'keys', value: 50 },
        { key: 'count', value: 50 },
        { key: 'invalid', value: 1 },
      ]);
    } finally {
      await store.close();
    }
  });
});

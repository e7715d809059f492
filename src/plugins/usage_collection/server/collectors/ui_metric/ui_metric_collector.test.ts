import { usageCollectionPluginMock } from '../../mocks';
import { createTestStore } from '../../test_store';
import { groupUiMetrics, registerUiMetricUsageCollector } from './ui_metric_collector';

describe('groupUiMetrics', () => {
  it('groups by app; the event is everything after the first ":"', () => {
    expect(
      groupUiMetrics([
        { id: 'console:GET_search', attributes: { count: 3 } },
        { id: 'console:GET:cluster.stats', attributes: { count: 1 } },
        { id: 'opensearchDashboards-user_agent:Mozilla/5.0 (X11; Linux x86_64)', attributes: { count: 2 } },
        { id: 'no-colon', attributes: { count: 9 } },
        { id: 'app:broken', attributes: { count: 'x' } },
      ])
    ).toEqual({
      console: [
        { key: 'GET_search', value: 3 },
        { key: 'GET:cluster.stats', value: 1 },
      ],
      'opensearchDashboards-user_agent': [{ key: 'Mozilla/5.0 (X11; Linux x86_64)', value: 2 }],
    });
  });

  it('keeps an app named __proto__ as data', () => {
    const usage = groupUiMetrics([{ id: '__proto__:x', attributes: { count: 1 } }]);
    expect(Object.keys(usage)).toEqual(['__proto__']);
  });
});

describe('ui_metric collector', () => {
  it('is not ready before start, then reads every counter page by page, past 10,000', async () => {
    const store = await createTestStore();
    try {
      const usageCollection = usageCollectionPluginMock.createSetupContract();
      let client: typeof store.client | undefined;
      registerUiMetricUsageCollector(usageCollection, () => client);
      const collector = usageCollection.getCollectorByType('ui_metric')!;
      expect(await collector.isReady()).toBe(false);
      client = store.client;
      expect(await collector.isReady()).toBe(true);

      const ops = [];
      for (let i = 0; i < 10_050; i++) ops.push({ type: 'ui-metric', id: `app${i % 3}:event_${i}`, counterFieldName: 'count', incrementBy: 1 });
      await store.repository.incrementCounters(ops);
      const usage = (await collector.fetch(undefined, undefined, { savedObjectsClient: store.client })) as Record<string, unknown[]>;
      expect(Object.keys(usage).sort()).toEqual(['app0', 'app1', 'app2']);
      expect(usage.app0.length + usage.app1.length + usage.app2.length).toBe(10_050);
      expect(usage.app1).toContainEqual({ key: 'event_10048', value: 1 });
    } finally {
      await store.close();
    }
  });
});

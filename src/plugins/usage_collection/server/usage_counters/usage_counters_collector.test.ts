import { usageCollectionPluginMock } from '../mocks';
import { createTestStore } from '../test_store';
import { usageCountersSavedObjectTypes } from './saved_object_types';
import { collectUsageCounters, registerUsageCountersCollector, toDailyEvent } from './usage_counters_collector';

const NOW = new Date('2026-12-05T10:00:00.000Z');

describe('usage_counters collector', () => {
  let store: Awaited<ReturnType<typeof createTestStore>>;
  beforeEach(async () => {
    store = await createTestStore(usageCountersSavedObjectTypes);
  });
  afterEach(() => store.close());

  async function storeDaily(domainId: string, counterName: string, date: string, count: number, counterType = 'count') {
    await store.repository.incrementCounters([
      {
        type: 'usage-counters',
        id: `${domainId}:${counterName}:${counterType}:${date}`,
        counterFieldName: 'count',
        incrementBy: count,
        upsertAttributes: { domainId, counterName, counterType, date },
      },
    ]);
  }

  it('reports the daily counters of the last retainDays UTC days, newest first, in upstream shape', async () => {
    await storeDaily('core', 'savedObjects.get', '2026-12-05', 3);
    await storeDaily('core', 'savedObjects.find', '2026-12-05', 1);
    await storeDaily('myPlugin', 'clicked', '2026-12-01', 7, 'click');
    // Six days ago: outside a five-day window (2026-12-01 … 2026-12-05).
    await storeDaily('core', 'savedObjects.get', '2026-11-30', 9);
    const usage = await collectUsageCounters(store.repository, 5, NOW);
    expect(usage.dailyEvents).toEqual([
      { domainId: 'core', counterName: 'savedObjects.find', counterType: 'count', lastUpdatedAt: expect.any(String), fromTimestamp: '2026-12-05T00:00:00.000Z', total: 1 },
      { domainId: 'core', counterName: 'savedObjects.get', counterType: 'count', lastUpdatedAt: expect.any(String), fromTimestamp: '2026-12-05T00:00:00.000Z', total: 3 },
      { domainId: 'myPlugin', counterName: 'clicked', counterType: 'click', lastUpdatedAt: expect.any(String), fromTimestamp: '2026-12-01T00:00:00.000Z', total: 7 },
    ]);
    expect(Date.parse(usage.dailyEvents[0].lastUpdatedAt)).not.toBeNaN();
    expect((await collectUsageCounters(store.repository, 6, NOW)).dailyEvents).toHaveLength(4);
    expect((await collectUsageCounters(store.repository, 1, NOW)).dailyEvents).toHaveLength(2);
  });

  it('keeps the newest entries within its budget', async () => {
    for (const date of ['2026-12-03', '2026-12-04', '2026-12-05']) await storeDaily('p', 'a', date, 1);
    const usage = await collectUsageCounters(store.repository, 5, NOW, 2);
    expect(usage.dailyEvents.map((e) => e.fromTimestamp.slice(0, 10))).toEqual(['2026-12-05', '2026-12-04']);
  });

  it('skips unreadable objects rather than failing', () => {
    expect(toDailyEvent(undefined, undefined)).toBeUndefined();
    expect(toDailyEvent({ domainId: 'p', counterName: 'a', counterType: 'count', date: '2026-12-05', count: 1.5 }, undefined)).toBeUndefined();
    expect(toDailyEvent({ domainId: 'p', counterName: 'a', counterType: 'count', date: 'yesterday', count: 1 }, undefined)).toBeUndefined();
    expect(toDailyEvent({ counterName: 'a', counterType: 'count', date: '2026-12-05', count: 1 }, undefined)).toBeUndefined();
    expect(toDailyEvent({ domainId: 'p', counterName: 'a', counterType: 'count', date: '2026-12-05', count: 2 }, undefined)).toEqual({
      domainId: 'p',
      counterName: 'a',
      counterType: 'count',
      lastUpdatedAt: '2026-12-05T00:00:00.000Z',
      fromTimestamp: '2026-12-05T00:00:00.000Z',
      total: 2,
    });
  });

  it('registers as a usage collector with a schema, not ready until the store is', async () => {
    const usageCollection = usageCollectionPluginMock.createSetupContract();
    let repository: typeof store.repository | undefined;
    registerUsageCountersCollector(usageCollection, { getRepository: () => repository, retainDays: 5, now: () => NOW });
    const collector = usageCollection.getCollectorByType('usage_counters')!;
    expect(collector.category).toBe('usage');
    expect(await collector.isReady()).toBe(false);
    repository = store.repository;
    await storeDaily('p', 'a', '2026-12-05', 4);
    expect(await collector.isReady()).toBe(true);
    const fetched = await (collector as any).fetch({});
    expect(fetched.dailyEvents).toEqual([expect.objectContaining({ domainId: 'p', total: 4 })]);
  });
});

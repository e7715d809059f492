import { createLoggerMock } from '../mocks';
import { createTestStore } from '../test_store';
import { DailyCleanup, deleteExpiredDailyObjects, firstKeptDay } from './daily_cleanup';
import { usageCountersSavedObjectTypes } from './saved_object_types';

const NOW = new Date('2026-12-05T10:00:00.000Z');

describe('firstKeptDay', () => {
  it('keeps the last historyDays UTC days, today included', () => {
    expect(firstKeptDay(NOW, 1)).toBe('2026-12-05');
    expect(firstKeptDay(NOW, 90)).toBe('2026-09-07');
    expect(firstKeptDay(new Date('2026-03-01T00:00:00.000Z'), 2)).toBe('2026-02-28');
  });
});

describe('daily cleanup', () => {
  let store: Awaited<ReturnType<typeof createTestStore>>;
  beforeEach(async () => {
    store = await createTestStore(usageCountersSavedObjectTypes);
  });
  afterEach(() => store.close());

  const put = (type: string, id: string, attributes: Record<string, unknown>) =>
    store.repository.incrementCounters([{ type, id, counterFieldName: 'count', upsertAttributes: attributes }]);

  it('deletes the daily objects of both types older than historyDays, and nothing else', async () => {
    await put('usage-counters', 'p:a:count:2026-12-05', { date: '2026-12-05' });
    await put('usage-counters', 'p:a:count:2026-12-03', { date: '2026-12-03' });
    await put('usage-counters', 'p:a:count:2026-12-02', { date: '2026-12-02' });
    await put('ui-metric-daily', 'app:e:2026-11-01', { appName: 'app', eventName: 'e', date: '2026-11-01' });
    await put('ui-metric-daily', 'app:e:2026-12-04', { appName: 'app', eventName: 'e', date: '2026-12-04' });
    // Not ours to judge: no readable date.
    await put('usage-counters', 'odd', { date: 'long ago' });
    // Another type is never touched.
    await put('ui-metric', 'app:e', {});
    const deleted = await deleteExpiredDailyObjects({ repository: store.repository, types: ['usage-counters', 'ui-metric-daily'], historyDays: 3, now: NOW });
    expect(deleted).toBe(2);
    const left = async (type: string) => {
      const ids: string[] = [];
      for await (const page of store.repository.scan({ type })) ids.push(...page.map((o) => o.id));
      return ids.sort();
    };
    expect(await left('usage-counters')).toEqual(['odd', 'p:a:count:2026-12-03', 'p:a:count:2026-12-05']);
    expect(await left('ui-metric-daily')).toEqual(['app:e:2026-12-04']);
    expect(await left('ui-metric')).toEqual(['app:e']);
  });

  it('runs in the background; a failed run is logged and the next one works', async () => {
    const logger = createLoggerMock();
    let fail = true;
    const repository = {
      scan: (options: any) => {
        if (fail) throw new Error('store away');
        return store.repository.scan(options);
      },
      delete: store.repository.delete.bind(store.repository),
    };
    await put('usage-counters', 'p:a:count:2026-01-01', { date: '2026-01-01' });
    const cleanup = new DailyCleanup({ logger, getRepository: () => repository as any, types: ['usage-counters'], historyDays: 90, now: () => NOW });
    await cleanup.runOnce();
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('Could not delete expired daily counters (store away)'));
    fail = false;
    await cleanup.runOnce();
    await expect(store.repository.get('usage-counters', 'p:a:count:2026-01-01')).rejects.toThrow('not found');
    await cleanup.stop();
  });

  it('runs a first time after its delay, then on its interval, until stopped', async () => {
    jest.useFakeTimers();
    try {
      const scan = jest.fn(async function* () {});
      const cleanup = new DailyCleanup({
        logger: createLoggerMock(),
        getRepository: () => ({ scan, delete: jest.fn() }) as any,
        types: ['usage-counters'],
        historyDays: 90,
        firstDelayMs: 1000,
        intervalMs: 5000,
      });
      cleanup.start();
      await jest.advanceTimersByTimeAsync(999);
      expect(scan).not.toHaveBeenCalled();
      await jest.advanceTimersByTimeAsync(1);
      expect(scan).toHaveBeenCalledTimes(1);
      await jest.advanceTimersByTimeAsync(5000);
      expect(scan).toHaveBeenCalledTimes(2);
      await cleanup.stop();
      await jest.advanceTimersByTimeAsync(20_000);
      expect(scan).toHaveBeenCalledTimes(2);
    } finally {
      jest.useRealTimers();
    }
  });
});

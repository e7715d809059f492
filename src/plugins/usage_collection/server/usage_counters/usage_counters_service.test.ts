import { SavedObjectsErrorHelpers } from '../../../../core/server';
import { createLoggerMock } from '../mocks';
import { createTestStore } from '../test_store';
import { usageCountersSavedObjectTypes } from './saved_object_types';
import { UsageCountersService } from './usage_counters_service';

type Op = { type: string; id: string; counterFieldName: string; incrementBy: number; upsertAttributes?: Record<string, unknown> };

/** A store of counts with batches recorded; `fail` makes the next batches fail with that error. */
function createFakeRepository() {
  const counts = new Map<string, number>();
  const batches: Op[][] = [];
  const repo = {
    fail: undefined as ((ops: Op[]) => Error | undefined) | undefined,
    incrementCounters: jest.fn(async (ops: Op[], _options?: unknown) => {
      const error = repo.fail?.(ops);
      if (error) throw error;
      batches.push(ops);
      for (const op of ops) counts.set(op.id, (counts.get(op.id) ?? 0) + op.incrementBy);
      return [];
    }),
    /** Core's counters port over this store: each call one batch. */
    increment: async ({ increments }: { increments: Array<{ type: string; counterFieldName: string; counters: Array<{ id: string; incrementBy: number; upsertAttributes?: Record<string, unknown> }> }> }) => {
      await repo.incrementCounters(increments.flatMap(({ type, counterFieldName, counters }) => counters.map(({ id, incrementBy, upsertAttributes }) => ({ type, id, counterFieldName, incrementBy, upsertAttributes }))));
    },
  };
  return { repo, counts, batches };
}

function createService(options: { now?: () => Date; maxBufferedCounters?: number } = {}) {
  const logger = createLoggerMock();
  const service = new UsageCountersService({ logger, bufferDurationMs: 60_000, now: () => new Date('2026-12-05T10:00:00.000Z'), ...options });
  return { service, logger };
}

const unavailable = () => SavedObjectsErrorHelpers.decorateOpenSearchUnavailableError(new Error('store away'));

describe('UsageCountersService: registration', () => {
  it('throws at once for a duplicate or bad domainId, with a precise message', () => {
    const { service } = createService();
    service.createUsageCounter('myPlugin');
    expect(() => service.createUsageCounter('myPlugin')).toThrow('usageCollection.createUsageCounter: a usage counter with domainId [myPlugin] is already registered');
    expect(() => service.createUsageCounter('')).toThrow('usageCollection.createUsageCounter: domainId must not be empty');
    expect(() => service.createUsageCounter('a:b')).toThrow('domainId must not contain ":"');
    expect(() => service.createUsageCounter('a\nb')).toThrow('domainId must not contain control characters');
    expect(() => service.createUsageCounter('x'.repeat(101))).toThrow('domainId must be at most 100 characters');
    expect(() => service.createUsageCounter(7 as any)).toThrow('domainId must be a string, got number');
    expect(service.createUsageCounter('x'.repeat(100)).domainId).toHaveLength(100);
  });

  it('throws for a bad counter name, type or increment, and buffers nothing then', () => {
    const { service } = createService();
    const counter = service.createUsageCounter('p');
    expect(() => counter.incrementCounter({ counterName: '' })).toThrow('usage counter [p]: counterName must not be empty');
    expect(() => counter.incrementCounter({ counterName: 'x'.repeat(257) })).toThrow('counterName must be at most 256 characters');
    expect(() => counter.incrementCounter({ counterName: 'a\u0085' })).toThrow('counterName must not contain control characters');
    expect(() => counter.incrementCounter({ counterName: 'a', counterType: 'x:y' })).toThrow('counterType must not contain ":"');
    expect(() => counter.incrementCounter({ counterName: 'a', incrementBy: 1.5 })).toThrow('incrementBy must be a safe integer, got 1.5');
    expect(() => counter.incrementCounter({ counterName: 'a', incrementBy: -1 })).toThrow('incrementBy must not be negative');
    expect(() => counter.incrementCounter({ counterName: 'a', incrementBy: 2 ** 53 })).toThrow('incrementBy must be a safe integer');
    expect(() => counter.incrementCounter(undefined as any)).toThrow('counterName must be a string');
    // ':' may appear in a name: the domain and the type around it hold none, so ids stay unambiguous.
    counter.incrementCounter({ counterName: 'GET:/api/x' });
    expect(service.getStats().buffered).toBe(1);
  });
});

describe('UsageCountersService: buffering and flushing', () => {
  it('sums increments in memory and stores them in one batch per flush, with upstream defaults', async () => {
    const { service } = createService();
    const { repo, batches } = createFakeRepository();
    const counter = service.createUsageCounter('myPlugin');
    counter.incrementCounter({ counterName: 'a' });
    counter.incrementCounter({ counterName: 'a', incrementBy: 4 });
    counter.incrementCounter({ counterName: 'a', counterType: 'click' });
    service.createUsageCounter('other').incrementCounter({ counterName: 'a', incrementBy: 0 });
    // Before start nothing is stored; the increments wait.
    await service.flush();
    expect(repo.incrementCounters).not.toHaveBeenCalled();
    service.start(repo);
    await service.flush();
    expect(batches).toEqual([
      [
        { type: 'usage-counters', id: 'myPlugin:a:count:2026-12-05', counterFieldName: 'count', incrementBy: 5, upsertAttributes: { domainId: 'myPlugin', counterName: 'a', counterType: 'count', date: '2026-12-05' } },
        { type: 'usage-counters', id: 'myPlugin:a:click:2026-12-05', counterFieldName: 'count', incrementBy: 1, upsertAttributes: { domainId: 'myPlugin', counterName: 'a', counterType: 'click', date: '2026-12-05' } },
        { type: 'usage-counters', id: 'other:a:count:2026-12-05', counterFieldName: 'count', incrementBy: 0, upsertAttributes: { domainId: 'other', counterName: 'a', counterType: 'count', date: '2026-12-05' } },
      ],
    ]);
    // Nothing buffered: no empty batch.
    await service.flush();
    expect(batches).toHaveLength(1);
    expect(service.getStats()).toEqual({ buffered: 0, flushes: 1, failedFlushes: 0, droppedIncrements: 0 });
    await service.stop();
  });

  it('flushes every bufferDurationMs, and on stop', async () => {
    jest.useFakeTimers();
    try {
      const service = new UsageCountersService({ logger: createLoggerMock(), bufferDurationMs: 5000 });
      const { repo, counts } = createFakeRepository();
      service.start(repo);
      const counter = service.createUsageCounter('p');
      counter.incrementCounter({ counterName: 'a' });
      await jest.advanceTimersByTimeAsync(4999);
      expect(repo.incrementCounters).not.toHaveBeenCalled();
      await jest.advanceTimersByTimeAsync(1);
      expect(repo.incrementCounters).toHaveBeenCalledTimes(1);
      counter.incrementCounter({ counterName: 'a', incrementBy: 2 });
      await service.stop();
      expect(repo.incrementCounters).toHaveBeenCalledTimes(2);
      expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(3);
      // Stopped: no more timer flushes.
      counter.incrementCounter({ counterName: 'a' });
      await jest.advanceTimersByTimeAsync(20_000);
      expect(repo.incrementCounters).toHaveBeenCalledTimes(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it('keeps the increments of a failed flush for the next one, merged with newer ones, and logs once', async () => {
    const { service, logger } = createService();
    const { repo, counts } = createFakeRepository();
    service.start(repo);
    const counter = service.createUsageCounter('p');
    repo.fail = unavailable;
    counter.incrementCounter({ counterName: 'a', incrementBy: 2 });
    await service.flush();
    counter.incrementCounter({ counterName: 'a', incrementBy: 3 });
    counter.incrementCounter({ counterName: 'b' });
    await service.flush();
    expect(service.getStats()).toEqual({ buffered: 2, flushes: 0, failedFlushes: 2, droppedIncrements: 0 });
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn.mock.calls[0][0]).toContain('Could not store usage counters (store away)');
    repo.fail = undefined;
    await service.flush();
    expect(Object.fromEntries(counts)).toEqual({ 'p:a:count:2026-12-05': 5, 'p:b:count:2026-12-05': 1 });
    expect(logger.info).toHaveBeenCalledWith('Usage counters are stored again');
    await service.stop();
  });

  it('bounds the buffer: increments of new counters past the cap are dropped and counted, known ones still add', async () => {
    const { service } = createService({ maxBufferedCounters: 2 });
    const counter = service.createUsageCounter('p');
    counter.incrementCounter({ counterName: 'a' });
    counter.incrementCounter({ counterName: 'b' });
    counter.incrementCounter({ counterName: 'c' });
    counter.incrementCounter({ counterName: 'c' });
    counter.incrementCounter({ counterName: 'a', incrementBy: 10 });
    expect(service.getStats()).toMatchObject({ buffered: 2, droppedIncrements: 2 });
    const { repo, counts } = createFakeRepository();
    service.start(repo);
    await service.flush();
    expect(Object.fromEntries(counts)).toEqual({ 'p:a:count:2026-12-05': 11, 'p:b:count:2026-12-05': 1 });
    await service.stop();
  });

  it('a failed flush put back into a full buffer keeps what fits and counts the rest', async () => {
    const { service } = createService({ maxBufferedCounters: 2 });
    const { repo } = createFakeRepository();
    service.start(repo);
    const counter = service.createUsageCounter('p');
    counter.incrementCounter({ counterName: 'a' });
    counter.incrementCounter({ counterName: 'b' });
    let release!: () => void;
    repo.incrementCounters.mockImplementationOnce(async () => {
      await new Promise<void>((r) => (release = r));
      throw unavailable();
    });
    const flushing = service.flush();
    // Meanwhile two new counters fill the (now empty) buffer.
    counter.incrementCounter({ counterName: 'c' });
    counter.incrementCounter({ counterName: 'd' });
    release();
    await flushing;
    expect(service.getStats()).toMatchObject({ buffered: 2, droppedIncrements: 2 });
    await service.stop();
  });

  it('drops an increment that would carry a buffered sum past Number.MAX_SAFE_INTEGER', () => {
    const { service } = createService();
    const counter = service.createUsageCounter('p');
    counter.incrementCounter({ counterName: 'a', incrementBy: Number.MAX_SAFE_INTEGER });
    counter.incrementCounter({ counterName: 'a' });
    expect(service.getStats()).toMatchObject({ buffered: 1, droppedIncrements: 1 });
  });

  it('a batch the store refuses for one counter (400) is stored counter by counter: only that one is dropped', async () => {
    const { service, logger } = createService();
    const { repo, counts } = createFakeRepository();
    service.start(repo);
    const counter = service.createUsageCounter('p');
    repo.fail = (ops) => (ops.some((op) => op.id.startsWith('p:full:')) ? SavedObjectsErrorHelpers.createBadRequestError('counter at its bound') : undefined);
    for (const counterName of ['a', 'full', 'b']) counter.incrementCounter({ counterName });
    await service.flush();
    expect(Object.fromEntries(counts)).toEqual({ 'p:a:count:2026-12-05': 1, 'p:b:count:2026-12-05': 1 });
    expect(service.getStats()).toEqual({ buffered: 0, flushes: 1, failedFlushes: 1, droppedIncrements: 1 });
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining('[p:full:count:2026-12-05] was refused by the store and dropped'));
    await service.stop();
  });

  it('counts each increment on its own UTC day: a day rollover starts new daily counters', async () => {
    let now = new Date('2026-12-05T23:59:59.999Z');
    const { service } = createService({ now: () => now });
    const { repo, counts } = createFakeRepository();
    const counter = service.createUsageCounter('p');
    counter.incrementCounter({ counterName: 'a', incrementBy: 2 });
    now = new Date('2026-12-06T00:00:00.000Z');
    counter.incrementCounter({ counterName: 'a', incrementBy: 3 });
    service.start(repo);
    await service.flush();
    expect(Object.fromEntries(counts)).toEqual({ 'p:a:count:2026-12-05': 2, 'p:a:count:2026-12-06': 3 });
    await service.stop();
  });

  it('runs one flush at a time; a flush asked for meanwhile runs after it', async () => {
    const { service } = createService();
    const { repo } = createFakeRepository();
    let active = 0;
    let maxActive = 0;
    repo.incrementCounters.mockImplementation(async () => {
      maxActive = Math.max(maxActive, ++active);
      await new Promise((r) => setTimeout(r, 5));
      active--;
      return [];
    });
    service.start(repo);
    const counter = service.createUsageCounter('p');
    counter.incrementCounter({ counterName: 'a' });
    const first = service.flush();
    counter.incrementCounter({ counterName: 'b' });
    await Promise.all([first, service.flush(), service.flush()]);
    expect(maxActive).toBe(1);
    expect(repo.incrementCounters).toHaveBeenCalledTimes(2);
    await service.stop();
  });
});

describe('UsageCountersService: daily counts of other types (UI metrics)', () => {
  it('buffers them beside the usage counters, summed per type and id, and stores both kinds in one batch', async () => {
    const { service } = createService();
    const { repo, batches } = createFakeRepository();
    service.createUsageCounter('plugin').incrementCounter({ counterName: 'x' });
    const names = { appName: 'app', eventName: 'a', date: '2026-12-05' };
    expect(service.addDailyCount('ui-metric-daily', 'app:a:2026-12-05', names, 2)).toBe(true);
    expect(service.addDailyCount('ui-metric-daily', 'app:a:2026-12-05', names, 3)).toBe(true);
    // The same id under another type is another counter.
    service.addDailyCount('other-daily', 'app:a:2026-12-05', names, 7);
    service.start(repo as any);
    await service.stop();
    expect(batches).toEqual([
      [
        expect.objectContaining({ type: 'usage-counters', id: 'plugin:x:count:2026-12-05', incrementBy: 1 }),
        { type: 'ui-metric-daily', id: 'app:a:2026-12-05', counterFieldName: 'count', incrementBy: 5, upsertAttributes: names },
        { type: 'other-daily', id: 'app:a:2026-12-05', counterFieldName: 'count', incrementBy: 7, upsertAttributes: names },
      ],
    ]);
  });

  it('shares the bound: past it a daily count is dropped and counted', () => {
    const { service } = createService({ maxBufferedCounters: 1 });
    expect(service.addDailyCount('ui-metric-daily', 'a:1:2026-12-05', {}, 1)).toBe(true);
    expect(service.addDailyCount('ui-metric-daily', 'a:2:2026-12-05', {}, 1)).toBe(false);
    expect(service.getStats()).toMatchObject({ buffered: 1, droppedIncrements: 1 });
  });
});

describe('UsageCountersService on the embedded store', () => {
  it('creates each daily object with its names, then adds to it', async () => {
    const store = await createTestStore(usageCountersSavedObjectTypes);
    try {
      const { service } = createService();
      service.start(store.counters);
      const counter = service.createUsageCounter('core');
      counter.incrementCounter({ counterName: 'savedObjects.get' });
      await service.flush();
      counter.incrementCounter({ counterName: 'savedObjects.get', incrementBy: 2 });
      await service.stop();
      const stored = await store.repository.get('usage-counters', 'core:savedObjects.get:count:2026-12-05');
      expect(stored.attributes).toEqual({ domainId: 'core', counterName: 'savedObjects.get', counterType: 'count', date: '2026-12-05', count: 3 });
      expect(stored.updated_at).toEqual(expect.any(String));
    } finally {
      await store.close();
    }
  });
});

import { SavedObjectsBackendError } from '../backend/types';
import { SavedObjectsErrorHelpers } from '../errors';
import { MAX_BATCH_OPERATIONS } from './counter_group_commit';
import { MAX, metrics, settled, setup, single, usage } from './test_utils';
import type { SavedObjectsCounterSet } from './types';

describe('CounterGroupCommit', () => {
  it('merges the same type, id and field of concurrent calls into one operation of one write', async () => {
    const { group, writes, counts } = setup();
    await Promise.all([
      group.increment(metrics([['app:a', 1], ['app:b', 2]])),
      group.increment(metrics([['app:a', 3]])),
      group.increment({ increments: [{ type: 'ui-metric', counterFieldName: 'other', counters: [{ id: 'app:a', incrementBy: 5, upsertAttributes: { appName: 'app' } }] }] }),
    ]);
    expect(writes).toHaveLength(1);
    expect(writes[0].map((op) => [op.id, op.counterFieldName, op.incrementBy])).toEqual([
      ['ui-metric:app:a', 'count', 4],
      ['ui-metric:app:b', 'count', 2],
      ['ui-metric:app:a', 'other', 5],
    ]);
    // Built as the repository builds them: one time per commit, the upsert carrying the counter.
    expect(writes[0][2]).toMatchObject({ time: '2024-01-02T03:04:05.000Z', upsert: { type: 'ui-metric', 'ui-metric': { appName: 'app', other: 5 } } });
    expect(counts.get('ui-metric:app:a.count')).toBe(4);
  });

  it('keeps one write in flight: calls made meanwhile go together in the next one, and resolve only once it is stored', async () => {
    const { group, backend, writes, maxActive } = setup();
    let acknowledged = false;
    const first = group.increment(metrics([['a:1', 1]])).then(() => (acknowledged = true));
    await new Promise((r) => setImmediate(r));
    expect(backend.incrementCounters).toHaveBeenCalledTimes(1);
    expect(acknowledged).toBe(false);
    const during = [group.increment(metrics([['a:2', 1]])), group.incrementOne(single('a:3'))];
    await Promise.all([first, ...during]);
    expect(acknowledged).toBe(true);
    expect(writes.map((w) => w.map((op) => op.id))).toEqual([['ui-metric:a:1'], ['ui-metric:a:2', 'ui-metric:a:3']]);
    expect(maxActive()).toBe(1);
  });

  it('gives each single increment its own document as its own increment left it, in the write with the merged ones', async () => {
    const { group, backend } = setup();
    const [, ...docs] = await Promise.all([
      group.increment(metrics([['x', 10]])),
      group.incrementOne(single('x')),
      group.incrementOne(single('x', 2)),
      group.incrementOne(single('y')),
    ]);
    expect(backend.incrementCounters).toHaveBeenCalledTimes(1);
    expect(backend.incrementCounters.mock.calls[0][1]).toEqual({ returnDocs: true });
    expect(docs.map((d) => [d!._id, (d!._source['ui-metric'] as { count: number }).count])).toEqual([
      ['ui-metric:x', 11],
      ['ui-metric:x', 13],
      ['ui-metric:y', 1],
    ]);
    // Without singles the store need not read documents back.
    await group.increment(metrics([['x', 1]]));
    expect(backend.incrementCounters.mock.calls[1][1]).toEqual({ returnDocs: false });
  });

  it('never loses or double-counts under many concurrent callers', async () => {
    const { group, counts } = setup();
    const calls = [];
    for (let i = 0; i < 500; i++) calls.push(i % 5 === 0 ? group.incrementOne(single('all', 2)) : group.increment(metrics([[`e${i % 7}`, 1], ['all', 2]])));
    await Promise.all(calls);
    expect(counts.get('ui-metric:all.count')).toBe(1000);
    expect([...counts].filter(([id]) => id.startsWith('ui-metric:e')).reduce((sum, [, n]) => sum + n, 0)).toBe(400);
  });

  it('refuses a call that would carry a sum of its commit past MAX_SAFE_INTEGER: nothing of it joins, the others are stored', async () => {
    const { group, writes, counts } = setup();
    const results = await Promise.allSettled([
      group.increment(metrics([['big', MAX - 10], ['x', 1]])),
      // Would make big MAX + 1; its new counter y (even at 0) and its x must not be stored either.
      group.increment(metrics([['y', 0], ['x', 2], ['big', 11]])),
      // The same counter twice in one call adds up too.
      group.increment(metrics([['z', 1], ['big', 5], ['big', 6]])),
      group.increment({ increments: [{ type: 'ui-metric', counterFieldName: 'count', counters: [{ id: 'low', incrementBy: -MAX }, { id: 'low', incrementBy: -1 }] }] }),
      group.increment(metrics([['big', 10], ['x', 4]])),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'rejected', 'fulfilled']);
    const refusal = (results[1] as PromiseRejectedResult).reason;
    expect(SavedObjectsErrorHelpers.isBadRequestError(refusal)).toBe(true);
    expect(refusal.message).toBe(
      `The increments would raise counter [ui-metric:big] (count) past ${MAX} in one commit; none of this call's increments were stored`
    );
    expect(writes).toHaveLength(1);
    expect([...counts]).toEqual([
      ['ui-metric:big.count', MAX],
      ['ui-metric:x.count', 5],
    ]);
  });

  it('refuses bad arguments with a 400 naming them, before anything joins', async () => {
    const { group, backend } = setup();
    const errors = await Promise.all(
      [
        { increments: [{ type: 'nope', counterFieldName: 'count', counters: [{ id: 'a', incrementBy: 1 }] }] },
        metrics([['a', 1], ['b', 0.5]]),
        metrics([['', 1]]),
        { increments: [{ type: 'ui-metric', counterFieldName: '', counters: [{ id: 'a', incrementBy: 1 }] }] },
        { increments: [], sums: [{ ...usage('home', 1, 1), values: { minutesOnScreen: NaN } }] },
      ].map((set) => group.increment(set as SavedObjectsCounterSet).catch((e) => e))
    );
    expect(errors.map((e) => [SavedObjectsErrorHelpers.isBadRequestError(e), e.message])).toEqual([
      [true, "Unsupported saved object type: 'nope': Bad Request"],
      [true, '"incrementBy" must be a safe integer, got 0.5 for [ui-metric:b]: Bad Request'],
      [true, '"id" must be a non-empty string: Bad Request'],
      [true, '"counterFieldName" must be a non-empty string: Bad Request'],
      [true, 'commit sum [app_tx:home]: "minutesOnScreen" must be a finite number: Bad Request'],
    ]);
    await group.flush();
    expect(backend.incrementCounters).not.toHaveBeenCalled();
  });

  it('tells the listeners of a type and field what each commit stored, with its time; a failing listener is logged', async () => {
    const { group, backend, lines } = setup();
    const seen: Array<[string, number, string]> = [];
    const stop = group.onCommitted('ui-metric', 'count', (counters, time) => {
      for (const { id, incrementBy } of counters) seen.push([id, incrementBy, time.toISOString()]);
    });
    group.onCommitted('ui-metric', 'count', () => {
      throw new Error('listener broke');
    });
    backend.failWhen = (ops) => (ops.some((op) => op.id === 'ui-metric:bad') ? new Error('corrupt') : undefined);
    await Promise.allSettled([group.increment(metrics([['a', 2], ['b', 1]])), group.increment(metrics([['a', 3]])), group.increment(metrics([['bad', 1]]))]);
    // The retries one by one: each stored call on its own, the refused one not at all.
    expect(seen).toEqual([
      ['a', 2, '2024-01-02T03:04:05.000Z'],
      ['b', 1, '2024-01-02T03:04:05.000Z'],
      ['a', 3, '2024-01-02T03:04:05.000Z'],
    ]);
    expect(lines.filter((l) => l.includes('listener broke'))).toHaveLength(2);
    stop();
    await group.increment(metrics([['a', 1]]));
    expect(seen).toHaveLength(3);
  });

  it('creates the commit sums once per type and key, after the counters of their calls are stored', async () => {
    const { group, backend, created } = setup();
    backend.failWhen = (ops) => (ops.some((op) => op.id === 'ui-metric:bad') ? new Error('corrupt') : undefined);
    const results = await settled([
      group.increment({ increments: [], sums: [usage('home', 1, 2)] }),
      group.increment(metrics([['a', 1]], { sums: [usage('home', 0.5, 1), usage('dev_tools', 2, 0)] })),
      // Its counters are refused: its usage is not written.
      group.increment(metrics([['bad', 1]], { sums: [usage('home', 100, 100)] })),
    ]);
    expect(results).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    expect(backend.bulkCreate).toHaveBeenCalledTimes(1);
    expect(created.map((item) => [item.doc._id.startsWith('app_tx:'), item.overwrite, item.doc._source.app_tx])).toEqual([
      [true, false, { appId: 'home', minutesOnScreen: 1.5, numberOfClicks: 3, timestamp: '2024-01-02T03:04:05.000Z' }],
      [true, false, { appId: 'dev_tools', minutesOnScreen: 2, numberOfClicks: 0, timestamp: '2024-01-02T03:04:05.000Z' }],
    ]);
  });

  it('refuses a call whose sums would pass MAX_SAFE_INTEGER in the commit, and fails the calls whose sums could not be written', async () => {
    const { group, backend, created, counts } = setup();
    const results = await settled([
      group.increment({ increments: [], sums: [usage('home', 1, MAX)] }),
      group.increment(metrics([['a', 1]], { sums: [usage('home', 1, 1)] })),
      group.increment({ increments: [], sums: [usage('other', MAX, 0), usage('other', MAX, 0)] }),
    ]);
    expect(results).toEqual(['fulfilled', 'rejected', 'rejected']);
    expect(counts.size).toBe(0);
    expect(created.map((item) => item.doc._source.app_tx)).toEqual([{ appId: 'home', minutesOnScreen: 1, numberOfClicks: MAX, timestamp: '2024-01-02T03:04:05.000Z' }]);

    backend.bulkCreate.mockRejectedValueOnce(SavedObjectsBackendError.unavailable('down'));
    const error = await group.increment(metrics([['b', 1]], { sums: [usage('home', 1, 1)] })).catch((e) => e);
    expect(SavedObjectsErrorHelpers.isOpenSearchUnavailableError(error)).toBe(true);
    // Its counters are stored, and are not written again: the call is not retried.
    expect(counts.get('ui-metric:b.count')).toBe(1);
    expect(backend.incrementCounters).toHaveBeenCalledTimes(1);
  });

  it(`caps a write at ${MAX_BATCH_OPERATIONS} operations, leaving the rest for the next one`, async () => {
    const { group, writes } = setup();
    await Promise.all(Array.from({ length: MAX_BATCH_OPERATIONS + 11 }, (_, i) => group.increment(metrics([[`k${i}`, 1]]))));
    expect(writes.map((w) => w.length)).toEqual([MAX_BATCH_OPERATIONS, 11]);
  });

  it('commits at the end of the I/O phase, or after the linger of the call that opens the batch', async () => {
    const { group, backend } = setup();
    const started = performance.now();
    await group.increment(metrics([['a', 1]]));
    expect(performance.now() - started).toBeLessThan(30);
    const lingering = Date.now();
    const first = group.increment(metrics([['a', 1]], { lingerMs: 40 }));
    await new Promise((r) => setTimeout(r, 10));
    const second = group.increment(metrics([['b', 1]]));
    await Promise.all([first, second]);
    expect(Date.now() - lingering).toBeGreaterThanOrEqual(35);
    expect(backend.incrementCounters).toHaveBeenCalledTimes(2);
  });

  it('answers an empty call at once; flush and stop commit what is pending; after stop calls fail as unavailable', async () => {
    const { group, backend, counts } = setup();
    await group.increment(metrics([]));
    expect(backend.incrementCounters).not.toHaveBeenCalled();
    const pending = group.increment(metrics([['a', 4]], { lingerMs: 10_000 }));
    await group.stop();
    await pending;
    expect(counts.get('ui-metric:a.count')).toBe(4);
    const error = await group.increment(metrics([['a', 1]])).catch((e) => e);
    expect(SavedObjectsErrorHelpers.isOpenSearchUnavailableError(error)).toBe(true);
    await expect(group.incrementOne(single('a'))).rejects.toMatchObject({ reason: 'unavailable' });
  });
});

import { SavedObjectsBackendError, withCounterOutcomes, type SavedObjectsBackendCounterOperation, type SavedObjectsStoredDoc } from '../backend/types';
import { SavedObjectsErrorHelpers } from '../errors';
import { metrics, setup, single } from './test_utils';

/** What the group commit does when a write fails: who is retried, who fails, what is never sent twice. */
describe('CounterGroupCommit failures', () => {
  it('when a whole write fails, retries each call alone so only the bad one fails (and logs it)', async () => {
    const { group, backend, counts, lines } = setup();
    backend.failWhen = (ops) => (ops.some((op) => op.id === 'ui-metric:bad') ? SavedObjectsBackendError.badRequest('corrupt counter', 'ui-metric:bad') : undefined);
    const calls = [group.increment(metrics([['good', 1]])), group.increment(metrics([['bad', 1], ['good', 1]])), group.incrementOne(single('other'))];
    const results = await Promise.allSettled(calls);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    // A call's error is a client error (400 here, naming the store's reason).
    expect(SavedObjectsErrorHelpers.isBadRequestError((results[1] as PromiseRejectedResult).reason)).toBe(true);
    expect([...counts]).toEqual([
      ['ui-metric:good.count', 1],
      ['ui-metric:other.count', 1],
    ]);
    expect(lines).toContainEqual('warn A counter commit failed (corrupt counter); storing 3 of its calls one by one');
  });

  it('fails every call at once when the store is away: no retry, and the error says unavailable', async () => {
    const { group, backend, lines } = setup();
    const down = SavedObjectsBackendError.unavailable('OpenSearch is unreachable');
    backend.failWhen = () => down;
    const errors = await Promise.all([group.increment(metrics([['a', 1]])), group.increment(metrics([['b', 1]])), group.incrementOne(single('c'))].map((p) => p.catch((e) => e)));
    expect(SavedObjectsErrorHelpers.isOpenSearchUnavailableError(errors[0])).toBe(true);
    expect(SavedObjectsErrorHelpers.isOpenSearchUnavailableError(errors[1])).toBe(true);
    // A single's caller (the repository) maps the store's error itself.
    expect(errors[2]).toBe(down);
    expect(backend.incrementCounters).toHaveBeenCalledTimes(1);
    expect(lines).toEqual([]);
  });

  it('stops retrying one by one once the store turns out to be away', async () => {
    const { group, backend } = setup();
    const down = SavedObjectsBackendError.unavailable('gone');
    let writes = 0;
    backend.failWhen = () => (++writes === 1 ? new Error('corrupt') : down);
    const errors = await Promise.all([1, 2, 3].map((i) => group.increment(metrics([[`a${i}`, 1]])).catch((e) => e)));
    expect(errors.every((e) => SavedObjectsErrorHelpers.isOpenSearchUnavailableError(e))).toBe(true);
    // The merged write, then the first retry, which found the store away.
    expect(backend.incrementCounters).toHaveBeenCalledTimes(2);
  });

  it('after a partly applied write, retries alone only what was not applied, never what was', async () => {
    const { group, backend, counts, lines } = setup();
    const conflict = SavedObjectsBackendError.conflict('ui-metric:b');
    // The store applied every operation but b's (a single's and a merged one) and d's (a merged sum it refused).
    backend.incrementCounters.mockImplementationOnce(async (ops: SavedObjectsBackendCounterOperation[]) => {
      const outcomes = ops.map((op, i) => {
        if (op.id === 'ui-metric:b' || op.id === 'ui-metric:d') return { ok: false as const, error: op.id === 'ui-metric:b' ? conflict : new Error('too big for the mapping') };
        counts.set(`${op.id}.count`, (counts.get(`${op.id}.count`) ?? 0) + op.incrementBy);
        return { ok: true as const, doc: { _id: op.id, _source: { type: 'ui-metric' }, _seq_no: i, _primary_term: 1 } };
      });
      throw withCounterOutcomes(new Error('2 of 6 increments failed'), outcomes);
    });
    backend.failWhen = (ops) => (ops.some((op) => op.id === 'ui-metric:b') ? conflict : undefined);
    const committed: Array<[string, number]> = [];
    group.onCommitted('ui-metric', 'count', (counters) => {
      for (const { id, incrementBy } of counters) committed.push([id, incrementBy]);
    });
    const results = await Promise.allSettled([
      group.increment(metrics([['a', 1]])),
      group.increment(metrics([['a', 1], ['b', 1]])),
      group.incrementOne(single('c')),
      group.incrementOne(single('b')),
      group.increment(metrics([['d', 5]])),
      group.increment(metrics([['d', 6]])),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(SavedObjectsErrorHelpers.isConflictError((results[1] as PromiseRejectedResult).reason)).toBe(true);
    expect((results[2] as PromiseFulfilledResult<SavedObjectsStoredDoc>).value._id).toBe('ui-metric:c');
    expect((results[3] as PromiseRejectedResult).reason).toBe(conflict);
    // The write, then alone: b of the second call (refused again), each call of d; a and c were never sent again.
    expect(backend.incrementCounters.mock.calls.map(([ops]) => ops.map((op: SavedObjectsBackendCounterOperation) => `${op.id}+${op.incrementBy}`))).toEqual([
      ['ui-metric:a+2', 'ui-metric:b+1', 'ui-metric:d+11', 'ui-metric:c+1', 'ui-metric:b+1'],
      ['ui-metric:b+1'],
      ['ui-metric:d+5'],
      ['ui-metric:d+6'],
    ]);
    expect([...counts]).toEqual([
      ['ui-metric:a.count', 2],
      ['ui-metric:c.count', 1],
      ['ui-metric:d.count', 11],
    ]);
    // Only what was applied is reported as committed.
    expect(committed).toEqual([
      ['a', 2],
      ['d', 5],
      ['d', 6],
    ]);
    expect(lines).toContainEqual(expect.stringMatching(/storing 3 of its calls one by one/));
  });
});

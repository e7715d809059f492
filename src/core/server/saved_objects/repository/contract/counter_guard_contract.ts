import { SavedObjectsErrorHelpers } from '../../errors';
import { rejection, useFreshStore, type RepositoryContractHarness } from './types';

const MAX = Number.MAX_SAFE_INTEGER;

/**
 * The counter policy (backend/counter_values.ts) on every store: a stored counter is always a safe
 * integer. Increments are checked by the repository; the stored value and the sum by the store itself
 * (SQLite's SQL fast path and general path, OpenSearch's up-front check and Painless script).
 * `total` is not mapped by the test types, so OpenSearch maps it dynamically as a long (`count` is an
 * `integer`, whose 32 bits the cluster enforces on its own).
 */
export function describeCounterGuardContract(harness: RepositoryContractHarness) {
  describe('counter guard', () => {
    const fresh = useFreshStore(harness);
    const store = () => fresh.current;
    const stored = async (id: string) => (await store().repository.get('ui-metric', id)).attributes as Record<string, unknown>;

    it('refuses an incrementBy that is not a safe integer with a 400 naming it, on both calls', async () => {
      const { repository } = store();
      for (const bad of [1.5, NaN, Infinity, -Infinity, MAX + 1, -(MAX + 2), '3']) {
        const single = await rejection(repository.incrementCounter('ui-metric', 'x', 'count', { incrementBy: bad as number }));
        expect(SavedObjectsErrorHelpers.isBadRequestError(single)).toBe(true);
        expect(single.message).toContain('"incrementBy" must be a safe integer');
        const batch = await rejection(
          repository.incrementCounters([
            { type: 'ui-metric', id: 'y', counterFieldName: 'count', incrementBy: 2 },
            { type: 'ui-metric', id: 'x', counterFieldName: 'count', incrementBy: bad as number },
          ])
        );
        expect(batch.statusCode).toBe(400);
        expect(batch.message).toContain('"incrementBy"');
      }
      const missing = await repository.bulkGet([{ type: 'ui-metric', id: 'x' }, { type: 'ui-metric', id: 'y' }]);
      expect(missing.saved_objects.map((o) => o.error?.statusCode)).toEqual([404, 404]);
      // The extremes themselves are fine.
      await repository.incrementCounter('ui-metric', 'x', 'total', { incrementBy: MAX });
      await repository.incrementCounter('ui-metric', 'x', 'low', { incrementBy: -MAX });
      expect(await stored('x')).toEqual({ total: MAX, low: -MAX });
    });

    it('refuses a sum past the safe range and keeps the counter as it was (fast and general paths)', async () => {
      const { repository } = store();
      await repository.incrementCounter('ui-metric', 'big', 'total', { incrementBy: MAX - 1 });
      expect((await repository.incrementCounter('ui-metric', 'big', 'total')).attributes).toEqual({ total: MAX });
      const over = await rejection(repository.incrementCounter('ui-metric', 'big', 'total'));
      expect(over.statusCode).toBe(400);
      expect(over.message).toMatch(/Cannot increment \[total\] of \[ui-metric:big\]: the sum would pass the safe integer range/);
      expect(await stored('big')).toEqual({ total: MAX });
      // Going down is fine, and so is the bottom of the range.
      await repository.incrementCounter('ui-metric', 'big', 'total', { incrementBy: -MAX });
      await repository.incrementCounter('ui-metric', 'big', 'total', { incrementBy: -MAX });
      expect(await stored('big')).toEqual({ total: -MAX });
      expect((await rejection(repository.incrementCounter('ui-metric', 'big', 'total', { incrementBy: -1 }))).statusCode).toBe(400);
      expect(await stored('big')).toEqual({ total: -MAX });
    });

    it('refuses a whole batch that would carry a counter past the range, repeats included', async () => {
      const { repository } = store();
      await repository.incrementCounter('ui-metric', 'a', 'total', { incrementBy: MAX - 10 });
      await repository.incrementCounter('ui-metric', 'b', 'count');
      const error = await rejection(
        repository.incrementCounters([
          { type: 'ui-metric', id: 'b', counterFieldName: 'count', incrementBy: 5 },
          { type: 'ui-metric', id: 'a', counterFieldName: 'total', incrementBy: 6 },
          { type: 'ui-metric', id: 'new', counterFieldName: 'count' },
          { type: 'ui-metric', id: 'a', counterFieldName: 'total', incrementBy: 6 },
        ])
      );
      expect(error.statusCode).toBe(400);
      expect(error.message).toMatch(/ui-metric:a/);
      expect(await stored('a')).toEqual({ total: MAX - 10 });
      expect(await stored('b')).toEqual({ count: 1 });
      expect((await repository.bulkGet([{ type: 'ui-metric', id: 'new' }])).saved_objects[0].error?.statusCode).toBe(404);
      // Within range, the same repeats apply in full.
      await repository.incrementCounters([
        { type: 'ui-metric', id: 'a', counterFieldName: 'total', incrementBy: 6 },
        { type: 'ui-metric', id: 'a', counterFieldName: 'total', incrementBy: 4 },
      ]);
      expect(await stored('a')).toEqual({ total: MAX });
    });

    it('refuses to add to a stored value that is not a safe integer, and leaves it as it was', async () => {
      const { repository } = store();
      // Written by create, as data from before the guard could be: a fraction and a numeric string.
      await repository.create('ui-metric', { total: 2.5, label: '12' }, { id: 'corrupt' });
      const fraction = await rejection(repository.incrementCounter('ui-metric', 'corrupt', 'total'));
      expect(fraction.statusCode).toBe(400);
      expect(fraction.message).toMatch(/Cannot increment \[total\] of \[ui-metric:corrupt\]: it holds 2.5, not a safe integer/);
      const text = await rejection(repository.incrementCounters([{ type: 'ui-metric', id: 'corrupt', counterFieldName: 'label' }]));
      expect(text.message).toMatch(/it holds a string, not a number/);
      expect(await stored('corrupt')).toEqual({ total: 2.5, label: '12' });
    });
  });
}

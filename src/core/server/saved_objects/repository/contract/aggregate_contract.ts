import { SavedObjectsErrorHelpers } from '../../errors';
import type { SavedObjectsAggregateOptions } from '../../types';
import type { SavedObjectsRepository } from '../repository';
import { rejection, useFreshStore, type RepositoryContractHarness } from './types';

/** Daily counters as the usage types store them: one object per app, event and day. */
const DAILY = [
  { app: 'discover', event: 'open', date: '2026-03-01', count: 5, minutes: 1.5 },
  { app: 'discover', event: 'open', date: '2026-03-02', count: 7, minutes: 2 },
  { app: 'discover', event: 'save', date: '2026-03-02', count: 12, minutes: 0 },
  { app: 'visualize', event: 'open', date: '2026-03-01', count: 3, minutes: 4 },
  { app: 'visualize', event: 'open', date: '2026-03-03', count: 9, minutes: 1 },
  { app: 'dashboards', event: 'open', date: '2026-02-27', count: 100, minutes: 8 },
];

async function seed(repository: SavedObjectsRepository, type: string) {
  await repository.bulkCreate(
    DAILY.map((d) => ({ type, id: `${d.app}:${d.event}:${d.date}`, attributes: { ...d } })).concat([
      // No app (a null key) and no count or minutes (sums of nothing are 0).
      { type, id: 'orphan', attributes: { event: 'open', date: '2026-03-02' } as never },
    ])
  );
}

/** aggregate: grouped sums computed in the store, the same rows on every store. */
export function describeAggregateContract(harness: RepositoryContractHarness) {
  describe('aggregate', () => {
    const fresh = useFreshStore(harness);
    const store = () => fresh.current;

    // ui-metric maps its attributes dynamically; config maps none (`dynamic: false`), so OpenSearch cannot
    // aggregate its attributes from the index and must answer from the stored documents.
    it.each(['ui-metric', 'config'])('groups, sums, filters by a date range and orders (%s)', async (type) => {
      const { repository } = store();
      await seed(repository, type);
      const march: SavedObjectsAggregateOptions = {
        type,
        filter: { range: { field: 'date', gte: '2026-03-01', lt: '2026-03-03' } },
        groupBy: ['app'],
        sum: ['count', 'minutes'],
      };
      // Keys ascending by default, a missing key (null) first; the February and 3 March objects are outside.
      expect((await repository.aggregate(march)).rows).toEqual([
        { keys: { app: null }, sums: { count: 0, minutes: 0 }, docCount: 1 },
        { keys: { app: 'discover' }, sums: { count: 24, minutes: 3.5 }, docCount: 3 },
        { keys: { app: 'visualize' }, sums: { count: 3, minutes: 4 }, docCount: 1 },
      ]);

      const byDay = await repository.aggregate({
        type,
        filter: { range: { field: 'date', gte: '2026-03-01' } },
        groupBy: ['app', 'date'],
        sum: ['count'],
        orderBy: { field: 'count', direction: 'desc' },
        size: 3,
      });
      expect(byDay.rows).toEqual([
        { keys: { app: 'discover', date: '2026-03-02' }, sums: { count: 19 }, docCount: 2 },
        { keys: { app: 'visualize', date: '2026-03-03' }, sums: { count: 9 }, docCount: 1 },
        { keys: { app: 'discover', date: '2026-03-01' }, sums: { count: 5 }, docCount: 1 },
      ]);

      // Equal docCounts fall back to the keys ascending; no filter reads every object of the type.
      const byCount = await repository.aggregate({ type, groupBy: ['event'], orderBy: { field: 'docCount', direction: 'desc' } });
      expect(byCount.rows).toEqual([
        { keys: { event: 'open' }, sums: {}, docCount: 6 },
        { keys: { event: 'save' }, sums: {}, docCount: 1 },
      ]);
    });

    it.each(['ui-metric', 'config'])('keeps only the objects matching one of the anyOf entries (%s)', async (type) => {
      const { repository } = store();
      await seed(repository, type);
      const { rows } = await repository.aggregate({
        type,
        filter: {
          range: { field: 'date', gte: '2026-03-01' },
          anyOf: [
            { app: 'discover', event: 'save' },
            { app: 'visualize', event: 'open' },
            { app: 'nothing', event: 'open' },
          ],
        },
        groupBy: ['app', 'event'],
        sum: ['count'],
      });
      expect(rows).toEqual([
        { keys: { app: 'discover', event: 'save' }, sums: { count: 12 }, docCount: 1 },
        { keys: { app: 'visualize', event: 'open' }, sums: { count: 12 }, docCount: 2 },
      ]);
    });

    it('answers no rows for an empty type or one this repository may not read', async () => {
      const { repository, repositoryWithHidden } = store();
      await repositoryWithHidden.create('secret', { value: 'x' }, { id: 's' });
      expect((await repository.aggregate({ type: 'dashboard', groupBy: ['title'] })).rows).toEqual([]);
      expect((await repository.aggregate({ type: 'secret', groupBy: ['value'] })).rows).toEqual([]);
      expect((await repository.aggregate({ type: 'unknown-type', groupBy: ['value'] })).rows).toEqual([]);
    });

    it.each([
      [{ type: 'ui-metric', groupBy: [] }, 'groupBy'],
      [{ type: 'ui-metric', groupBy: ['a', 'b', 'c', 'd'] }, 'groupBy'],
      [{ type: 'ui-metric', groupBy: ['a.b'] }, 'groupBy.0'],
      [{ type: 'ui-metric', groupBy: ["a'); DROP TABLE saved_objects; --"] }, 'groupBy.0'],
      [{ type: 'ui-metric', groupBy: ['a'], sum: ['a', 'b', 'c', 'd', 'e', 'f'] }, 'sum'],
      [{ type: 'ui-metric', groupBy: ['a'], size: 10_001 }, 'size'],
      [{ type: 'ui-metric', groupBy: ['a'], size: 0 }, 'size'],
      [{ type: 'ui-metric', groupBy: ['a'], orderBy: { field: 'b' } }, 'orderBy.field'],
      [{ type: 'ui-metric', groupBy: ['a'], filter: { range: { field: 'date', gte: 'x'.repeat(41) } } }, 'filter.range.gte'],
      [{ type: 'ui-metric', groupBy: ['a'], filter: { anyOf: [] } }, 'filter.anyOf'],
      [{ type: 'ui-metric', groupBy: ['a'], filter: { anyOf: [{ a: 'x' }, { b: 'y' }] } }, 'filter.anyOf.1'],
      [{ type: 'ui-metric', groupBy: ['a'], filter: { anyOf: [{ a: { nested: 1 } }] } }, 'filter.anyOf.0.a'],
    ])('refuses bad options with a 400 naming the option (%j)', async (options, name) => {
      const { repository } = store();
      const error = await rejection(repository.aggregate(options as unknown as SavedObjectsAggregateOptions));
      expect(SavedObjectsErrorHelpers.isBadRequestError(error)).toBe(true);
      expect(error.message).toContain(`[${name}]`);
    });
  });
}

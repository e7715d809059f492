import { decodeVersion } from '../../version';
import { SavedObjectsErrorHelpers } from '../../errors';
import { useFreshStore, type RepositoryContractHarness } from './types';

/** incrementCounter and incrementCounters: exact sums under concurrency, batches, bad input. */
export function describeCounterContract(harness: RepositoryContractHarness) {
  describe('counters', () => {
    const fresh = useFreshStore(harness);
    const store = () => fresh.current;

    describe('incrementCounter', () => {
      it('creates the object on first use, then adds, keeping other attributes', async () => {
        const created = await store().repository.incrementCounter('ui-metric', 'app:click', 'count', {
          migrationVersion: { 'ui-metric': '7.0.0' },
        });
        expect(created).toEqual({
          id: 'app:click',
          type: 'ui-metric',
          updated_at: expect.any(String),
          references: [],
          version: expect.any(String),
          attributes: { count: 1 },
        });
        const read = await store().repository.get('ui-metric', 'app:click');
        expect(read.migrationVersion).toEqual({ 'ui-metric': '7.0.0' });

        await store().repository.update('ui-metric', 'app:click', { label: 'kept' });
        const added = await store().repository.incrementCounter('ui-metric', 'app:click', 'count', {
          incrementBy: 5,
        });
        expect(added.attributes).toEqual({ count: 6, label: 'kept' });
        // Upstream's positional increment argument works too.
        const positional = await store().repository.incrementCounter('ui-metric', 'app:click', 'count', {}, 10);
        expect(positional.attributes).toMatchObject({ count: 16 });
        expect(decodeVersion(positional.version).seqNo).toBeGreaterThan(decodeVersion(added.version).seqNo);
        // A second counter on the same object starts from its increment.
        const other = await store().repository.incrementCounter('ui-metric', 'app:click', 'other', { incrementBy: -2 });
        expect(other.attributes).toEqual({ count: 16, label: 'kept', other: -2 });
      });

      it('gives the exact sum under 200 concurrent callers', async () => {
        await Promise.all(
          Array.from({ length: 200 }, (_, i) =>
            store().repository.incrementCounter('ui-metric', 'hot', 'count', { incrementBy: (i % 3) + 1 })
          )
        );
        const expected = Array.from({ length: 200 }, (_, i) => (i % 3) + 1).reduce((a, b) => a + b, 0);
        expect((await store().repository.get('ui-metric', 'hot')).attributes).toEqual({ count: expected });
      });

      it('gives the exact sum with two backend instances on the same store', async () => {
        const second = await store().attach();
        try {
          await Promise.all(
            Array.from({ length: 300 }, (_, i) =>
              (i % 2 ? second : store()).repository.incrementCounter('ui-metric', 'shared', 'count')
            )
          );
          expect((await second.repository.get('ui-metric', 'shared')).attributes).toEqual({ count: 300 });
          expect((await store().repository.get('ui-metric', 'shared')).attributes).toEqual({ count: 300 });
        } finally {
          await second.dispose();
        }
      });

      it('rejects bad input', async () => {
        const unsupported = await store().repository.incrementCounter('secret', 'x', 'count').catch((e) => e);
        expect(unsupported.message).toBe("Unsupported saved object type: 'secret': Bad Request");
        await expect(store().repositoryWithHidden.incrementCounter('secret', 'x', 'n')).resolves.toMatchObject({
          attributes: { n: 1 },
        });
        await expect(store().repository.incrementCounter(1 as unknown as string, 'x', 'c')).rejects.toThrow(
          '"type" argument must be a string'
        );
        await expect(
          store().repository.incrementCounter('ui-metric', 'x', undefined as unknown as string)
        ).rejects.toThrow('"counterFieldName" argument must be a string');
        const nan = await store().repository
          .incrementCounter('ui-metric', 'x', 'count', { incrementBy: NaN })
          .catch((e) => e);
        expect(SavedObjectsErrorHelpers.isBadRequestError(nan)).toBe(true);

        // `label` is not mapped as a number, so every store accepts the text (`count` is an integer).
        await store().repository.create('ui-metric', { label: 'many' }, { id: 'text' });
        const notNumber = await store().repository.incrementCounter('ui-metric', 'text', 'label').catch((e) => e);
        expect(notNumber.statusCode).toBe(400);
        expect(notNumber.message).toMatch(/Cannot increment \[label\]/);
        expect((await store().repository.get('ui-metric', 'text')).attributes).toEqual({ label: 'many' });
      });
    });

    describe('incrementCounters', () => {
      it('applies a batch, in order, including repeats of one counter', async () => {
        const results = await store().repository.incrementCounters([
          { type: 'ui-metric', id: 'a', counterFieldName: 'count', incrementBy: 2 },
          { type: 'ui-metric', id: 'b', counterFieldName: 'count' },
          { type: 'ui-metric', id: 'a', counterFieldName: 'count', incrementBy: 3 },
        ]);
        expect(results.map((r) => [r.id, r.attributes])).toEqual([
          ['a', { count: 2 }],
          ['b', { count: 1 }],
          ['a', { count: 5 }],
        ]);
        const seqNos = results.map((r) => decodeVersion(r.version).seqNo);
        expect([...seqNos].sort((x, y) => x - y)).toEqual(seqNos);
        expect(await store().repository.incrementCounters([])).toEqual([]);
      });

      it('with returnObjects: false, resolves to no objects and still stores every increment', async () => {
        expect(
          await store().repository.incrementCounters(
            [
              { type: 'ui-metric', id: 'a', counterFieldName: 'count', incrementBy: 2 },
              { type: 'ui-metric', id: 'a', counterFieldName: 'count', incrementBy: 3 },
            ],
            { returnObjects: false }
          )
        ).toEqual([]);
        expect((await store().repository.get('ui-metric', 'a')).attributes).toEqual({ count: 5 });
      });

      it('refuses the whole batch when one counter is not a number', async () => {
        await store().repository.incrementCounter('ui-metric', 'a', 'count');
        await store().repository.create('ui-metric', { label: 'text' }, { id: 'broken' });

        const failing = store().repository.incrementCounters([
          { type: 'ui-metric', id: 'a', counterFieldName: 'count', incrementBy: 100 },
          { type: 'ui-metric', id: 'new', counterFieldName: 'count' },
          { type: 'ui-metric', id: 'broken', counterFieldName: 'label' },
        ]);
        const error = await failing.catch((e) => e);
        expect(error.statusCode).toBe(400);
        expect(error.message).toMatch(/broken/);
        expect((await store().repository.get('ui-metric', 'a')).attributes).toEqual({ count: 1 });
        expect((await store().repository.bulkGet([{ type: 'ui-metric', id: 'new' }])).saved_objects[0].error?.statusCode).toBe(404);

        // Invalid operations are refused before anything is written.
        await expect(
          store().repository.incrementCounters([
            { type: 'ui-metric', id: 'a', counterFieldName: 'count' },
            { type: 'secret', id: 'x', counterFieldName: 'count' },
          ])
        ).rejects.toThrow("Unsupported saved object type: 'secret'");
        expect((await store().repository.get('ui-metric', 'a')).attributes).toEqual({ count: 1 });
      });
    });
  });
}

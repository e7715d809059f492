import { join } from 'node:path';
import { SavedObjectsErrorHelpers } from '../errors';
import { decodeVersion } from '../version';
import { createTempDir, openTestStore, type TestStore } from './test_utils';

describe('SavedObjectsRepository counters', () => {
  const temp = createTempDir();
  let store: TestStore;
  let n = 0;
  let file: string;

  beforeEach(async () => {
    file = join(temp.dir, `counters-${n++}.sqlite`);
    // FULL, as shipped: every acknowledged increment is fsynced.
    store = await openTestStore(file);
  });
  afterEach(async () => {
    await store.backend.close();
  });
  afterAll(() => temp.cleanup());

  describe('incrementCounter', () => {
    it('creates the object on first use, then adds, keeping other attributes', async () => {
      const created = await store.repository.incrementCounter('ui-metric', 'app:click', 'count', {
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
      const read = await store.repository.get('ui-metric', 'app:click');
      expect(read.migrationVersion).toEqual({ 'ui-metric': '7.0.0' });

      await store.repository.update('ui-metric', 'app:click', { label: 'kept' });
      const added = await store.repository.incrementCounter('ui-metric', 'app:click', 'count', {
        incrementBy: 5,
      });
      expect(added.attributes).toEqual({ count: 6, label: 'kept' });
      // Upstream's positional increment argument works too.
      const positional = await store.repository.incrementCounter('ui-metric', 'app:click', 'count', {}, 10);
      expect(positional.attributes).toMatchObject({ count: 16 });
      expect(decodeVersion(positional.version).seqNo).toBeGreaterThan(decodeVersion(added.version).seqNo);
      // A second counter on the same object starts from its increment.
      const other = await store.repository.incrementCounter('ui-metric', 'app:click', 'other', { incrementBy: -2 });
      expect(other.attributes).toEqual({ count: 16, label: 'kept', other: -2 });
    });

    it('gives the exact sum under 200 concurrent callers', async () => {
      await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          store.repository.incrementCounter('ui-metric', 'hot', 'count', { incrementBy: (i % 3) + 1 })
        )
      );
      const expected = Array.from({ length: 200 }, (_, i) => (i % 3) + 1).reduce((a, b) => a + b, 0);
      expect((await store.repository.get('ui-metric', 'hot')).attributes).toEqual({ count: expected });
    });

    it('gives the exact sum with two connections on the same file', async () => {
      const second = await openTestStore(file);
      try {
        await Promise.all(
          Array.from({ length: 300 }, (_, i) =>
            (i % 2 ? second : store).repository.incrementCounter('ui-metric', 'shared', 'count')
          )
        );
        expect((await second.repository.get('ui-metric', 'shared')).attributes).toEqual({ count: 300 });
        expect((await store.repository.get('ui-metric', 'shared')).attributes).toEqual({ count: 300 });
      } finally {
        await second.backend.close();
      }
    });

    it('rejects bad input', async () => {
      const unsupported = await store.repository.incrementCounter('secret', 'x', 'count').catch((e) => e);
      expect(unsupported.message).toBe("Unsupported saved object type: 'secret': Bad Request");
      await expect(store.repositoryWithHidden.incrementCounter('secret', 'x', 'n')).resolves.toMatchObject({
        attributes: { n: 1 },
      });
      await expect(store.repository.incrementCounter(1 as unknown as string, 'x', 'c')).rejects.toThrow(
        '"type" argument must be a string'
      );
      await expect(
        store.repository.incrementCounter('ui-metric', 'x', undefined as unknown as string)
      ).rejects.toThrow('"counterFieldName" argument must be a string');
      const nan = await store.repository
        .incrementCounter('ui-metric', 'x', 'count', { incrementBy: NaN })
        .catch((e) => e);
      expect(SavedObjectsErrorHelpers.isBadRequestError(nan)).toBe(true);

      await store.repository.create('ui-metric', { count: 'many' }, { id: 'text' });
      const notNumber = await store.repository.incrementCounter('ui-metric', 'text', 'count').catch((e) => e);
      expect(notNumber.statusCode).toBe(400);
      expect(notNumber.message).toMatch(/Cannot increment \[count\]/);
    });
  });

  describe('incrementCounters', () => {
    it('applies a batch, in order, including repeats of one counter', async () => {
      const results = await store.repository.incrementCounters([
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
      expect(await store.repository.incrementCounters([])).toEqual([]);
    });

    it('is all or nothing', async () => {
      await store.repository.incrementCounter('ui-metric', 'a', 'count');
      await store.repository.create('ui-metric', { count: 'text' }, { id: 'broken' });

      const failing = store.repository.incrementCounters([
        { type: 'ui-metric', id: 'a', counterFieldName: 'count', incrementBy: 100 },
        { type: 'ui-metric', id: 'new', counterFieldName: 'count' },
        { type: 'ui-metric', id: 'broken', counterFieldName: 'count' },
      ]);
      const error = await failing.catch((e) => e);
      expect(error.statusCode).toBe(400);
      expect(error.message).toMatch(/broken/);
      expect((await store.repository.get('ui-metric', 'a')).attributes).toEqual({ count: 1 });
      expect((await store.repository.bulkGet([{ type: 'ui-metric', id: 'new' }])).saved_objects[0].error?.statusCode).toBe(404);

      // Invalid operations are refused before anything is written.
      await expect(
        store.repository.incrementCounters([
          { type: 'ui-metric', id: 'a', counterFieldName: 'count' },
          { type: 'secret', id: 'x', counterFieldName: 'count' },
        ])
      ).rejects.toThrow("Unsupported saved object type: 'secret'");
      expect((await store.repository.get('ui-metric', 'a')).attributes).toEqual({ count: 1 });
    });
  });

  it('find pages past 10,000 objects and sees each exactly once', async () => {
    const total = 10_050;
    // One transaction (one fsync) seeds every object.
    await store.repository.incrementCounters(
      Array.from({ length: total }, (_, i) => ({
        type: 'ui-metric',
        id: `m-${String(i).padStart(5, '0')}`,
        counterFieldName: 'count',
        incrementBy: i,
      }))
    );
    const seen = new Set<string>();
    let pages = 0;
    for (let page = 1; ; page++) {
      const response = await store.repository.find({ type: 'ui-metric', perPage: 1000, page });
      expect(response.total).toBe(total);
      if (response.saved_objects.length === 0) {
        break;
      }
      pages++;
      for (const object of response.saved_objects) {
        expect(seen.has(object.id)).toBe(false);
        seen.add(object.id);
      }
    }
    expect(pages).toBe(11);
    expect(seen.size).toBe(total);

    // A single deep page, sorted on an attribute, beyond the 10,000 window.
    const deep = await store.repository.find({
      type: 'ui-metric',
      sortField: 'count',
      sortOrder: 'desc',
      perPage: 5,
      page: 2005,
    });
    expect(deep.saved_objects.map((o) => (o.attributes as { count: number }).count)).toEqual([
      29, 28, 27, 26, 25,
    ]);
  });
});

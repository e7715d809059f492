import { join } from 'node:path';
import { SavedObjectsErrorHelpers } from '../errors';
import { toCounterOperation } from './counter_operations';
import { createTempDir, createTestRegistry, openTestStore, type TestStore } from './test_utils';

const TIME = '2026-01-02T03:04:05.000Z';

describe('toCounterOperation', () => {
  const registry = createTestRegistry();

  it('builds the standard upsert without upsertAttributes', () => {
    const op = toCounterOperation(registry, { type: 'ui-metric', id: 'a:b', counterFieldName: 'count', incrementBy: 2 }, TIME);
    expect(op.upsert).toEqual({ 'ui-metric': { count: 2 }, type: 'ui-metric', references: [], updated_at: TIME });
  });

  it('stores upsertAttributes beside the counter, the counter always at the increment', () => {
    const op = toCounterOperation(
      registry,
      { type: 'ui-metric', id: 'a:b', counterFieldName: 'count', incrementBy: 3, upsertAttributes: { appName: 'a', count: 99 } },
      TIME
    );
    expect(op.upsert['ui-metric']).toEqual({ appName: 'a', count: 3 });
  });

  it('refuses upsertAttributes that are not a plain object with a 400', () => {
    for (const upsertAttributes of [null, [], 'x', 1, new Date()]) {
      let error: unknown;
      try {
        toCounterOperation(registry, { type: 'ui-metric', id: 'a', counterFieldName: 'count', upsertAttributes: upsertAttributes as any }, TIME);
      } catch (e) {
        error = e;
      }
      expect(SavedObjectsErrorHelpers.isBadRequestError(error)).toBe(true);
      expect((error as Error).message).toContain('"upsertAttributes" must be an object');
    }
  });
});

describe('upsertAttributes on the embedded store', () => {
  let store: TestStore;
  let tmp: ReturnType<typeof createTempDir>;
  beforeEach(async () => {
    tmp = createTempDir();
    store = await openTestStore(join(tmp.dir, 'store.sqlite'));
  });
  afterEach(async () => {
    await store.backend.close();
    tmp.cleanup();
  });

  it('incrementCounter keeps them only on creation', async () => {
    const created = await store.repository.incrementCounter('ui-metric', 'x', 'count', { upsertAttributes: { appName: 'app' } });
    expect(created.attributes).toEqual({ appName: 'app', count: 1 });
    const added = await store.repository.incrementCounter('ui-metric', 'x', 'count', { incrementBy: 4, upsertAttributes: { appName: 'other' } });
    expect(added.attributes).toEqual({ appName: 'app', count: 5 });
  });

  it('incrementCounters applies each operation its own, in one batch', async () => {
    await store.repository.incrementCounters([
      { type: 'ui-metric', id: 'a', counterFieldName: 'count', incrementBy: 2, upsertAttributes: { name: 'a' } },
      { type: 'ui-metric', id: 'b', counterFieldName: 'count' },
    ]);
    const [a, b] = await store.repository.incrementCounters(
      [
        { type: 'ui-metric', id: 'a', counterFieldName: 'count', upsertAttributes: { name: 'changed' } },
        { type: 'ui-metric', id: 'b', counterFieldName: 'count', upsertAttributes: { name: 'b' } },
      ],
      {}
    );
    expect(a.attributes).toEqual({ name: 'a', count: 3 });
    // Created by the first batch without them: an existing object's attributes are never replaced.
    expect(b.attributes).toEqual({ count: 2 });
  });
});

/* Shared by the group commit's tests: a store in memory, and the calls' shapes. */
import type { SavedObjectsBackendCounterOperation, SavedObjectsBackendCreateItem, SavedObjectsStoredDoc } from '../backend/types';
import { createTestLogger, createTestRegistry, testTypes } from '../repository/test_utils';
import { CounterGroupCommit } from './counter_group_commit';
import type { SavedObjectsCounterSet } from './types';

export const MAX = Number.MAX_SAFE_INTEGER;
export const registry = createTestRegistry([
  ...testTypes,
  { name: 'app_tx', hidden: true, namespaceType: 'agnostic', mappings: { properties: {} } },
]);

/** A store keeping counters in memory, one write at a time (5 ms each), that can be told to fail. */
export function createFakeBackend() {
  const counts = new Map<string, number>();
  const writes: SavedObjectsBackendCounterOperation[][] = [];
  const created: SavedObjectsBackendCreateItem[] = [];
  let active = 0;
  let maxActive = 0;
  let seqNo = 0;
  const backend = {
    failWhen: (_ops: SavedObjectsBackendCounterOperation[]): Error | undefined => undefined,
    incrementCounters: jest.fn(async (ops: SavedObjectsBackendCounterOperation[], options: { returnDocs?: boolean } = {}) => {
      active++;
      maxActive = Math.max(maxActive, active);
      await new Promise((r) => setTimeout(r, 5));
      active--;
      const failure = backend.failWhen(ops);
      if (failure) throw failure;
      writes.push(ops);
      const docs: SavedObjectsStoredDoc[] = [];
      for (const op of ops) {
        const key = `${op.id}.${op.counterFieldName}`;
        counts.set(key, (counts.get(key) ?? 0) + op.incrementBy);
        docs.push({ _id: op.id, _source: { type: op.type, [op.type]: { [op.counterFieldName]: counts.get(key) } }, _seq_no: seqNo++, _primary_term: 1 });
      }
      return options.returnDocs === false ? [] : docs;
    }),
    bulkCreate: jest.fn(async (items: SavedObjectsBackendCreateItem[]) => {
      created.push(...items);
      return items.map((item) => ({ ok: true as const, doc: { ...item.doc, _seq_no: seqNo++, _primary_term: 1 } }));
    }),
  };
  return { backend, counts, writes, created, maxActive: () => maxActive };
}

export function setup(now = () => new Date('2024-01-02T03:04:05.000Z')) {
  const fake = createFakeBackend();
  const lines: string[] = [];
  const group = new CounterGroupCommit({ backend: fake.backend, registry, logger: createTestLogger(lines), now });
  return { group, lines, ...fake };
}

export const metrics = (counters: Array<[string, number]>, extra: Partial<SavedObjectsCounterSet> = {}): SavedObjectsCounterSet => ({
  increments: [{ type: 'ui-metric', counterFieldName: 'count', counters: counters.map(([id, incrementBy]) => ({ id, incrementBy })) }],
  ...extra,
});

export const single = (id: string, incrementBy = 1): SavedObjectsBackendCounterOperation => ({
  id: `ui-metric:${id}`,
  type: 'ui-metric',
  counterFieldName: 'count',
  incrementBy,
  time: 't',
  upsert: { type: 'ui-metric', 'ui-metric': { count: incrementBy } },
});

export const usage = (appId: string, minutesOnScreen: number, numberOfClicks: number) => ({
  type: 'app_tx',
  keyField: 'appId',
  key: appId,
  values: { minutesOnScreen, numberOfClicks },
  timeField: 'timestamp',
});

export const settled = (promises: Array<Promise<unknown>>) => Promise.allSettled(promises).then((r) => r.map((x) => x.status));


import { toCounterOperation } from '../../repository/counter_operations';
import { createTestRegistry } from '../../repository/test_utils';
import type { SavedObjectsBackendCounterOperation } from '../types';
import { decodeCounterOperations, encodeCounterOperations, isStandardUpsert } from './sqlite_counter_ops';

const registry = createTestRegistry([
  { name: 'ui-metric', hidden: false, namespaceType: 'agnostic', mappings: { properties: { count: { type: 'long' } } } },
  { name: 'shared', hidden: false, namespaceType: 'multiple', mappings: { properties: { count: { type: 'long' } } } },
]);
const TIME = '2026-01-02T03:04:05.678Z';
const counter = (type: string, id: string, incrementBy: number, extra: { migrationVersion?: Record<string, string> } = {}) =>
  toCounterOperation(registry, { type, id, counterFieldName: 'count', incrementBy, ...extra }, TIME);

/** What the thread used to receive: the operations through JSON. */
const throughJson = (ops: SavedObjectsBackendCounterOperation[]) => JSON.parse(JSON.stringify(ops));

describe('counter operations on their way to the counter thread', () => {
  it("leaves out the repository's own upsert of a counter, and rebuilds it key for key", () => {
    const ops = [counter('ui-metric', 'app:a', 3), counter('ui-metric', 'app:b', 0), counter('ui-metric', 'app:c', 9007199254740991)];
    expect(ops.every(isStandardUpsert)).toBe(true);
    const json = encodeCounterOperations(ops);
    expect(json).not.toContain('references');
    const decoded = decodeCounterOperations(json);
    // Equal with keys in the same order: the stored document's text is the same either way.
    expect(JSON.stringify(decoded)).toBe(JSON.stringify(throughJson(ops)));
  });

  it('sends any other upsert whole', () => {
    const reordered = { ...counter('ui-metric', 'x', 1), upsert: { type: 'ui-metric', 'ui-metric': { count: 1 }, references: [], updated_at: TIME } };
    const ops: SavedObjectsBackendCounterOperation[] = [
      counter('shared', 'app:a', 2),
      counter('ui-metric', 'app:b', 1, { migrationVersion: { 'ui-metric': '7.0.0' } }),
      reordered,
      { ...counter('ui-metric', 'y', 1), upsert: { ...counter('ui-metric', 'y', 1).upsert, 'ui-metric': { count: 2 } } },
      { ...counter('ui-metric', 'z', 1), upsert: { ...counter('ui-metric', 'z', 1).upsert, references: [{ id: 'r', type: 't', name: 'n' }] } },
      { ...counter('ui-metric', 'w', 1), upsert: { ...counter('ui-metric', 'w', 1).upsert, updated_at: 'other' } },
      { ...counter('ui-metric', 'v', 1), upsert: { ...counter('ui-metric', 'v', 1).upsert, 'ui-metric': { count: 1, other: 1 } } },
    ];
    expect(ops.map(isStandardUpsert)).toEqual([false, false, false, false, false, false, false]);
    expect(JSON.stringify(decodeCounterOperations(encodeCounterOperations(ops)))).toBe(JSON.stringify(throughJson(ops)));
  });

  it('keeps the order and the mix of both kinds', () => {
    const ops = [counter('ui-metric', 'a', 1), counter('shared', 'b', 2), counter('ui-metric', 'c', 3)];
    expect(JSON.stringify(decodeCounterOperations(encodeCounterOperations(ops)))).toBe(JSON.stringify(throughJson(ops)));
  });
});

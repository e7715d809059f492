import { SavedObjectsErrorHelpers } from '../errors';
import { CounterBatch } from './counter_batch';
import type { SavedObjectsCounterSet } from './types';

const known = (type: string) => type !== 'unknown';
const set = (type: string, field: string, counters: Array<[string, number]>): SavedObjectsCounterSet => ({
  increments: [{ type, counterFieldName: field, counters: counters.map(([id, incrementBy]) => ({ id, incrementBy })) }],
});

/** The batch's merged counters as `type.field.id=sum`. */
const contents = (batch: CounterBatch) =>
  [...batch.groups.values()].flatMap((byField) => [...byField.values()].flatMap((g) => [...g.entries.values()].map((e) => `${g.type}.${g.counterFieldName}.${e.id}=${e.incrementBy}`)));

describe('CounterBatch', () => {
  it('merges per type, field and id, numbering one operation per merged counter, singles last', () => {
    const batch = new CounterBatch();
    batch.add(set('m', 'count', [['a', 1], ['b', 2], ['a', 3]]), 'first', known);
    batch.add(set('m', 'other', [['a', 5]]), 'second', known);
    const at = batch.addSingle({ id: 'm:a', type: 'm', counterFieldName: 'count', incrementBy: 1, time: 't', upsert: { type: 'm' } });
    expect(contents(batch)).toEqual(['m.count.a=4', 'm.count.b=2', 'm.other.a=5']);
    expect([batch.size, at, batch.singlesStart]).toEqual([4, 0, 3]);
    const ops = batch.operations((group, entry) => ({ id: `${group.type}:${entry.id}`, type: group.type, counterFieldName: group.counterFieldName, incrementBy: entry.incrementBy, time: 't', upsert: { type: group.type } }));
    expect(ops.map((op) => `${op.counterFieldName}:${op.id}+${op.incrementBy}`)).toEqual(['count:m:a+4', 'count:m:b+2', 'other:m:a+5', 'count:m:a+1']);
    expect(batch.group('m', 'other')!.entries.get('a')!.index).toBe(2);
  });

  it('leaves the batch exactly as it was when a call is refused, in any group and at any counter', () => {
    const batch = new CounterBatch();
    batch.add(set('m', 'count', [['a', Number.MAX_SAFE_INTEGER - 1], ['b', 0]]), 'first', known);
    const before = contents(batch);
    const refused = [
      { increments: [...set('m', 'count', [['new', 0], ['b', 7]]).increments, ...set('m', 'count', [['a', 2]]).increments] },
      { increments: [...set('m', 'x', [['c', 1]]).increments, ...set('unknown', 'count', [['c', 1]]).increments] },
      set('m', 'count', [['b', 1], ['a', 1], ['a', 1]]),
      set('m', 'count', [['b', -1], ['z', Number.NaN]]),
    ];
    for (const call of refused) {
      const error = (() => {
        try {
          batch.add(call, 'refused', known);
        } catch (e) {
          return e;
        }
      })();
      expect(SavedObjectsErrorHelpers.isBadRequestError(error)).toBe(true);
      // A group left empty by a refusal writes nothing.
      expect(contents(batch)).toEqual(before);
    }
    expect(batch.size).toBe(2);
  });

  it('adds up commit sums per type and key (twice in one call too) and refuses a sum past the bound whole', () => {
    const batch = new CounterBatch();
    const sum = (key: string, clicks: number, minutes = 0.5) => ({ type: 'u', keyField: 'appId', key, values: { numberOfClicks: clicks, minutes }, timeField: 'at' });
    batch.add({ increments: [], sums: [sum('home', 1), sum('home', 2)] }, 'first', known);
    batch.add({ increments: [], sums: [sum('dev', 1, 0.25)] }, 'second', known);
    expect(() => batch.add({ increments: [], sums: [sum('dev', 1), sum('home', Number.MAX_SAFE_INTEGER)] }, 'third', known)).toThrow('numberOfClicks of [u:home]');
    expect(batch.sumDocuments('2024-01-02T00:00:00.000Z')).toEqual([
      { type: 'u', attributes: { appId: 'home', numberOfClicks: 3, minutes: 1, at: '2024-01-02T00:00:00.000Z' } },
      { type: 'u', attributes: { appId: 'dev', numberOfClicks: 1, minutes: 0.25, at: '2024-01-02T00:00:00.000Z' } },
    ]);
  });
});

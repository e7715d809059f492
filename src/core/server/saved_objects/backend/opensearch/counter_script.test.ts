import { SavedObjectsBackendError, type SavedObjectsBackendCounterOperation } from '../types';
import { assertCountersApplicable, COUNTER_SCRIPT, counterUpdateBody } from './counter_script';

const op = (id: string, counterFieldName = 'count', incrementBy = 2): SavedObjectsBackendCounterOperation => ({
  id: `ui-metric:${id}`,
  type: 'ui-metric',
  counterFieldName,
  incrementBy,
  time: '2024-01-01T00:00:00.000Z',
  upsert: { type: 'ui-metric', 'ui-metric': { [counterFieldName]: incrementBy }, updated_at: '2024-01-01T00:00:00.000Z' },
});

describe('counter script', () => {
  const mark = { w: 'writer-1', s: 7, k: 0, t: 1700000000000 };

  it('sends one fixed script with the operation and its mark as params, and the prepared upsert carrying the mark', () => {
    const body = counterUpdateBody(op('a'), mark);
    expect(body).toEqual({
      script: {
        lang: 'painless',
        source: COUNTER_SCRIPT,
        params: { type: 'ui-metric', field: 'count', by: 2, time: '2024-01-01T00:00:00.000Z', id: 'ui-metric:a', mark },
      },
      upsert: { ...op('a').upsert, counterWriters: { 'writer-1': mark } },
      _source: true,
    });
    // Fixed source: compiled once by the cluster, whatever the operation.
    expect(counterUpdateBody(op('b', 'other'), { ...mark, s: 8 }).script.source).toBe(COUNTER_SCRIPT);
  });

  it('without a mark (the benchmarks\' upstream baseline) sends a null mark and the bare upsert', () => {
    const body = counterUpdateBody(op('a'));
    expect(body.script.params.mark).toBeNull();
    expect(body.upsert).toEqual(op('a').upsert);
  });

  it('checks counters up front: missing documents, missing or numeric counters pass', () => {
    const docs = new Map([
      ['ui-metric:n', { type: 'ui-metric', 'ui-metric': { count: 3 } }],
      ['ui-metric:e', { type: 'ui-metric' }],
    ]);
    expect(() => assertCountersApplicable([op('n'), op('e'), op('missing'), op('n', 'other')], docs)).not.toThrow();
  });

  it('refuses a batch where a counter holds something else, naming it as SQLite does', () => {
    const docs = new Map([['ui-metric:t', { type: 'ui-metric', 'ui-metric': { count: 'many', flag: true } }]]);
    const error = (() => {
      try {
        assertCountersApplicable([op('n'), op('t')], docs);
      } catch (e) {
        return e as SavedObjectsBackendError;
      }
    })();
    expect(error).toBeInstanceOf(SavedObjectsBackendError);
    expect(error?.reason).toBe('bad_request');
    expect(error?.id).toBe('ui-metric:t');
    expect(error?.message).toBe('Cannot increment [count] of [ui-metric:t]: it holds a string, not a number');
    expect(() => assertCountersApplicable([op('t', 'flag')], docs)).toThrow('it holds a boolean');
  });

  it('applies the counter policy up front: stored non-integers, unsafe increments, and sums past the range', () => {
    const MAX = Number.MAX_SAFE_INTEGER;
    const docs = new Map([
      ['ui-metric:f', { type: 'ui-metric', 'ui-metric': { count: 2.5 } }],
      ['ui-metric:near', { type: 'ui-metric', 'ui-metric': { count: MAX - 3 } }],
    ]);
    expect(() => assertCountersApplicable([op('f')], docs)).toThrow('Cannot increment [count] of [ui-metric:f]: it holds 2.5, not a safe integer');
    expect(() => assertCountersApplicable([op('n', 'count', 0.5)], docs)).toThrow('the increment 0.5 is not a safe integer');
    // Repeats of one counter add up in order, as the _bulk applies them: 2 + 2 fits, a third does not.
    expect(() => assertCountersApplicable([op('near', 'count', 1), op('near', 'count', 2)], docs)).not.toThrow();
    expect(() => assertCountersApplicable([op('near', 'count', 2), op('near', 'count', 2)], docs)).toThrow(
      'Cannot increment [count] of [ui-metric:near]: the sum would pass the safe integer range'
    );
    // A missing counter starts at its increment, then adds up too.
    expect(() => assertCountersApplicable([op('m', 'count', MAX), op('m', 'count', 1)], docs)).toThrow(/ui-metric:m\]: the sum would pass/);
  });
});

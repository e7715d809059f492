import { SavedObjectsBackendError, type SavedObjectsBackendCounterOperation } from '../types';
import { assertCountersApplicable, COUNTER_SCRIPT, counterUpdateBody } from './counter_script';

const op = (id: string, counterFieldName = 'count'): SavedObjectsBackendCounterOperation => ({
  id: `ui-metric:${id}`,
  type: 'ui-metric',
  counterFieldName,
  incrementBy: 2,
  time: '2024-01-01T00:00:00.000Z',
  upsert: { type: 'ui-metric', 'ui-metric': { [counterFieldName]: 2 }, updated_at: '2024-01-01T00:00:00.000Z' },
});

describe('counter script', () => {
  it('sends one fixed script with the operation as params, and the prepared upsert', () => {
    const body = counterUpdateBody(op('a'));
    expect(body).toEqual({
      script: {
        lang: 'painless',
        source: COUNTER_SCRIPT,
        params: { type: 'ui-metric', field: 'count', by: 2, time: '2024-01-01T00:00:00.000Z', id: 'ui-metric:a' },
      },
      upsert: op('a').upsert,
      _source: true,
    });
    // Fixed source: compiled once by the cluster, whatever the operation.
    expect(counterUpdateBody(op('b', 'other')).script.source).toBe(COUNTER_SCRIPT);
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
});

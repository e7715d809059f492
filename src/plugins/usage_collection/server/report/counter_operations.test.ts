import { StoredDailyIds } from './counter_operations';

const names = (ops: Array<{ type: string; id: string; upsertAttributes?: unknown }>) => ops.map((op) => [op.type, op.id, op.upsertAttributes ?? null]);

describe('StoredDailyIds', () => {
  it('builds each counter and its daily count; names go with a daily id until it is stored', () => {
    const daily = new StoredDailyIds();
    const first = daily.operationsFor(new Map([['app:a:b', 2]]), '2026-12-05');
    expect(names(first.operations)).toEqual([
      ['ui-metric', 'app:a:b', null],
      ['ui-metric-daily', 'app:a:b:2026-12-05', { appName: 'app', eventName: 'a:b', date: '2026-12-05' }],
    ]);
    expect(first.operations.map((op) => op.incrementBy)).toEqual([2, 2]);
    // Not stored yet (its commit failed or is running): the names still travel.
    expect(names(daily.operationsFor(new Map([['app:a:b', 1]]), '2026-12-05').operations)[1][2]).not.toBeNull();
    daily.stored(first.created);
    expect(names(daily.operationsFor(new Map([['app:a:b', 1]]), '2026-12-05').operations)[1]).toEqual(['ui-metric-daily', 'app:a:b:2026-12-05', null]);
  });

  it('forgets the ids of a past day, and ignores a commit that straddled midnight', () => {
    const daily = new StoredDailyIds();
    const before = daily.operationsFor(new Map([['app:a', 1]]), '2026-12-05');
    daily.operationsFor(new Map([['app:b', 1]]), '2026-12-06');
    daily.stored(before.created);
    const next = daily.operationsFor(new Map([['app:a', 1]]), '2026-12-06');
    expect(names(next.operations)[1]).toEqual(['ui-metric-daily', 'app:a:2026-12-06', { appName: 'app', eventName: 'a', date: '2026-12-06' }]);
  });
});

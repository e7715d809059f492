import { dayWindow } from './day_window';
import { healthStatus, shapeApplications, shapeCollectors, shapeUsageCounters } from './shape';

const NOW = Date.UTC(2026, 2, 10, 15, 30); // 2026-03-10T15:30Z

describe('dayWindow', () => {
  it('is the last N UTC days, today included, with the exclusive end the day after', () => {
    expect(dayWindow(3, NOW)).toEqual({ days: 3, from: '2026-03-08', to: '2026-03-10', endExclusive: '2026-03-11', dates: ['2026-03-08', '2026-03-09', '2026-03-10'] });
    expect(dayWindow(1, Date.UTC(2026, 0, 1, 0, 0))).toMatchObject({ from: '2026-01-01', endExclusive: '2026-01-02' });
    expect(dayWindow(90, NOW).dates).toHaveLength(90);
  });
});

describe('shapeApplications', () => {
  const window = dayWindow(3, NOW);
  const row = (appId: unknown, timestamp: unknown, minutesOnScreen: number, numberOfClicks: number) => ({
    keys: { appId, timestamp } as Record<string, string | number | null>,
    sums: { minutesOnScreen, numberOfClicks },
    docCount: 1,
  });

  it('totals per app (most minutes first) and a value for every day of the window, zeros included', () => {
    const shaped = shapeApplications(
      [
        row('b', '2026-03-09T00:00:00.000Z', 1.234, 3),
        row('a', '2026-03-08T00:00:00.000Z', 2, 1),
        row('a', '2026-03-10T00:00:00.000Z', 2.5, 4),
        // Outside the window, no app, a day that is not a date: left out.
        row('a', '2026-03-01T00:00:00.000Z', 100, 100),
        row(null, '2026-03-09T00:00:00.000Z', 100, 100),
        row('c', 'yesterday', 100, 100),
      ],
      window,
      false
    );
    expect(shaped.dates).toEqual(['2026-03-08', '2026-03-09', '2026-03-10']);
    expect(shaped.apps).toEqual([
      { appId: 'a', minutesOnScreen: 4.5, numberOfClicks: 5, daily: { minutesOnScreen: [2, 0, 2.5], numberOfClicks: [1, 0, 4] } },
      { appId: 'b', minutesOnScreen: 1.23, numberOfClicks: 3, daily: { minutesOnScreen: [0, 1.23, 0], numberOfClicks: [0, 3, 0] } },
    ]);
    expect(shaped).toMatchObject({ days: 3, from: '2026-03-08', to: '2026-03-10', truncated: false });
  });

  it('breaks ties in minutes by clicks, then by name', () => {
    const shaped = shapeApplications([row('z', '2026-03-10', 1, 1), row('y', '2026-03-10', 1, 1), row('x', '2026-03-10', 1, 2)], window, true);
    expect(shaped.apps.map((a) => a.appId)).toEqual(['x', 'y', 'z']);
    expect(shaped.truncated).toBe(true);
  });
});

describe('shapeUsageCounters', () => {
  it('groups counters under their domain, biggest first, and keeps the daily points of the window', () => {
    const window = dayWindow(2, NOW);
    const shaped = shapeUsageCounters(
      [
        { keys: { domainId: 'core', counterName: 'get', counterType: 'count' }, sums: { count: 5 }, docCount: 2 },
        { keys: { domainId: 'app', counterName: 'open', counterType: 'click' }, sums: { count: 9 }, docCount: 1 },
        { keys: { domainId: 'core', counterName: 'post', counterType: null }, sums: { count: 7 }, docCount: 1 },
      ],
      [
        { keys: { domainId: 'core', date: '2026-03-10' }, sums: { count: 12 }, docCount: 3 },
        { keys: { domainId: 'app', date: '2026-03-01' }, sums: { count: 9 }, docCount: 1 },
      ],
      window
    );
    expect(shaped.domains).toEqual([
      { domainId: 'core', total: 12, counters: [{ counterName: 'post', counterType: 'count', total: 7 }, { counterName: 'get', counterType: 'count', total: 5 }] },
      { domainId: 'app', total: 9, counters: [{ counterName: 'open', counterType: 'click', total: 9 }] },
    ]);
    expect(shaped.series).toEqual([{ domainId: 'core', date: '2026-03-10', count: 12 }]);
  });
});

describe('collector health', () => {
  it('names the runner statuses as the page does', () => {
    expect(['succeeded', 'not_ready', 'not_ready_timeout', 'timed_out', 'failed', 'weird'].map(healthStatus)).toEqual([
      'ok',
      'not ready',
      'not ready',
      'timed out',
      'failed',
      'failed',
    ]);
  });

  it('lists failing collectors first, then the slowest', () => {
    const shaped = shapeCollectors(
      {
        total_duration: 12.345,
        collectors: [
          { name: 'fast', status: 'succeeded', fetch_duration: 1, dropped_fields: 0, invalid_values: 0 },
          { name: 'slow', status: 'succeeded', fetch_duration: 9.876, dropped_fields: 2, invalid_values: 1 },
          { name: 'broken', status: 'failed', fetch_duration: 0.5 },
          { name: 'late', status: 'timed_out', fetch_duration: 10 },
        ],
      },
      '2026-03-10T15:30:00.000Z'
    );
    expect(shaped).toEqual({
      measuredAt: '2026-03-10T15:30:00.000Z',
      totalDurationMs: 12.35,
      collectors: [
        { name: 'broken', status: 'failed', fetchDurationMs: 0.5, droppedFields: 0, invalidValues: 0 },
        { name: 'late', status: 'timed out', fetchDurationMs: 10, droppedFields: 0, invalidValues: 0 },
        { name: 'slow', status: 'ok', fetchDurationMs: 9.88, droppedFields: 2, invalidValues: 1 },
        { name: 'fast', status: 'ok', fetchDurationMs: 1, droppedFields: 0, invalidValues: 0 },
      ],
    });
    expect(shapeCollectors(undefined, 'x')).toEqual({ measuredAt: 'x', totalDurationMs: 0, collectors: [] });
  });
});

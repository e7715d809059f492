import { METRIC_TYPE } from './metrics';
import { addApplicationUsage, addUiStats, addUserAgent, combineStats, countKeys, emptyReport, invalidUiStats, mergeInto, mergeReports, toReport } from './report';

describe('ui metric stats', () => {
  it('keeps a true running min, max, sum and average (upstream had avg = min + max / 2 and min stuck at 0)', () => {
    const report = emptyReport();
    for (const count of [4, 2, 9]) addUiStats(report, 'app', METRIC_TYPE.COUNT, 'ev', count);
    expect(report.uiStatsMetrics!['app-count-ev'].stats).toEqual({ min: 2, max: 9, sum: 15, avg: 5 });
    expect(report.samples!['app-count-ev']).toBe(3);
  });

  it('starts min and max at the first count', () => {
    const report = emptyReport();
    addUiStats(report, 'app', METRIC_TYPE.CLICK, 'ev', 3);
    expect(report.uiStatsMetrics!['app-click-ev']).toEqual({
      key: 'app-click-ev',
      appName: 'app',
      eventName: 'ev',
      type: 'click',
      stats: { min: 3, max: 3, sum: 3, avg: 3 },
    });
  });

  it('combines two partial statistics exactly', () => {
    expect(combineStats({ min: 1, max: 3, sum: 4, avg: 2 }, 2, { min: 5, max: 5, sum: 5, avg: 5 }, 1)).toEqual({ min: 1, max: 5, sum: 9, avg: 3 });
    expect(combineStats({ min: 0, max: 0, sum: 0, avg: 0 }, 0, { min: 5, max: 5, sum: 5, avg: 5 }, 1)).toEqual({ min: 5, max: 5, sum: 5, avg: 5 });
  });

  it('merges reports: stats by samples, application usage summed, later user agent wins', () => {
    const a = emptyReport();
    addUiStats(a, 'app', METRIC_TYPE.COUNT, 'ev', 2);
    addUiStats(a, 'app', METRIC_TYPE.COUNT, 'ev', 4);
    a.application_usage = { x: { minutesOnScreen: 1, numberOfClicks: 2 } };
    a.userAgent = { 'o-user_agent': { key: 'o-user_agent', appName: 'o', type: METRIC_TYPE.USER_AGENT, userAgent: 'old' } };
    const b = emptyReport();
    addUiStats(b, 'app', METRIC_TYPE.COUNT, 'ev', 9);
    b.application_usage = { x: { minutesOnScreen: 0.5, numberOfClicks: 1 }, y: { minutesOnScreen: 1, numberOfClicks: 0 } };
    b.userAgent = { 'o-user_agent': { key: 'o-user_agent', appName: 'o', type: METRIC_TYPE.USER_AGENT, userAgent: 'new' } };
    const merged = mergeReports(a, b);
    expect(merged.uiStatsMetrics!['app-count-ev'].stats).toEqual({ min: 2, max: 9, sum: 15, avg: 5 });
    expect(merged.samples!['app-count-ev']).toBe(3);
    expect(merged.application_usage).toEqual({ x: { minutesOnScreen: 1.5, numberOfClicks: 3 }, y: { minutesOnScreen: 1, numberOfClicks: 0 } });
    expect(merged.userAgent!['o-user_agent'].userAgent).toBe('new');
  });

  it('sends no sample counts and no empty parts', () => {
    const report = emptyReport();
    addUiStats(report, 'app', METRIC_TYPE.LOADED, 'ev', 1);
    expect(toReport(report)).toEqual({ reportVersion: 1, uiStatsMetrics: report.uiStatsMetrics });
  });

  it('caps distinct entries: a full report still merges counts into what it has, and takes no new entry', () => {
    const report = emptyReport();
    expect(addUiStats(report, 'app', METRIC_TYPE.COUNT, 'a', 1, 3)).toBe(true);
    expect(addUserAgent(report, 'o', 'agent', 3)).toBe(true);
    expect(addApplicationUsage(report, 'x', 1, 1, 3)).toBe(true);
    expect(countKeys(report)).toBe(3);
    expect(addUiStats(report, 'app', METRIC_TYPE.COUNT, 'b', 1, 3)).toBe(false);
    expect(addApplicationUsage(report, 'y', 1, 1, 3)).toBe(false);
    expect(addUserAgent(report, 'other', 'agent', 3)).toBe(false);
    expect(addUiStats(report, 'app', METRIC_TYPE.COUNT, 'a', 5, 3)).toBe(true);
    expect(addApplicationUsage(report, 'x', 2, 0, 3)).toBe(true);
    expect(addUserAgent(report, 'o', 'newer agent', 3)).toBe(true);
    expect(countKeys(report)).toBe(3);
    expect(report.uiStatsMetrics!['app-count-a'].stats).toEqual({ min: 1, max: 5, sum: 6, avg: 3 });
    expect(report.application_usage).toEqual({ x: { minutesOnScreen: 3, numberOfClicks: 1 } });
  });

  it('merges within the cap keeping the older entries first, and says how many did not fit', () => {
    const older = emptyReport();
    addUiStats(older, 'app', METRIC_TYPE.COUNT, 'a', 1);
    addUiStats(older, 'app', METRIC_TYPE.COUNT, 'b', 1);
    const newer = emptyReport();
    addUiStats(newer, 'app', METRIC_TYPE.COUNT, 'c', 1);
    addUiStats(newer, 'app', METRIC_TYPE.COUNT, 'a', 2);
    newer.application_usage = { x: { minutesOnScreen: 1, numberOfClicks: 1 } };
    expect(Object.keys(mergeReports(older, newer, 2).uiStatsMetrics!)).toEqual(['app-count-a', 'app-count-b']);
    const target = mergeReports(older, emptyReport());
    expect(mergeInto(target, newer, 2)).toBe(2); // c and x
    expect(target.uiStatsMetrics!['app-count-a'].stats.sum).toBe(3);
    expect(target.samples).toEqual({ 'app-count-a': 2, 'app-count-b': 1 });
    // The sources are left as they were.
    expect(newer.uiStatsMetrics!['app-count-a'].stats.sum).toBe(2);
  });

  it('finds what the server would refuse before it joins a batch', () => {
    expect(invalidUiStats('app', 'ev', 3)).toBeUndefined();
    expect(invalidUiStats('app', 'ev', 0)).toBeUndefined();
    expect(invalidUiStats('my:app', 'ev', 1)).toContain('":"');
    expect(invalidUiStats('', 'ev', 1)).toContain('app name is empty');
    expect(invalidUiStats('app', '', 1)).toContain('event name is empty');
    expect(invalidUiStats('app', 'ev', -1)).toContain('-1');
    expect(invalidUiStats('app', 'ev', NaN)).toContain('NaN');
    expect(invalidUiStats('app', 'ev', Infinity)).toContain('Infinity');
  });
});

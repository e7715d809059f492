import { METRIC_TYPE } from './metrics';
import { addUiStats, combineStats, emptyReport, mergeReports, toReport } from './report';

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
});

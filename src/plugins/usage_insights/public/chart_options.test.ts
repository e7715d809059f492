import type { ApplicationsResponse, ReportsResponse, UsageCountersResponse } from '../common';
import { canSeeInsights } from './access';
import { applicationsOption, countersOption, MAX_APP_SERIES, OTHER_APPS, reportsOption, windowDays } from './chart_options';
import { chartTheme } from './chart_theme';

const light = chartTheme(false, ['#1', '#2']);
const dark = chartTheme(true, ['#1', '#2']);

function applications(appCount: number): ApplicationsResponse {
  const dates = ['2026-03-09', '2026-03-10'];
  // app i: 100 - i minutes (half on the first day), i clicks a day.
  const apps = Array.from({ length: appCount }, (_, i) => ({
    appId: `app${i}`,
    minutesOnScreen: 100 - i,
    numberOfClicks: 2 * i,
    daily: { minutesOnScreen: [(100 - i) / 2, (100 - i) / 2], numberOfClicks: [i, i] },
  }));
  return { days: 2, from: dates[0], to: dates[1], dates, apps, truncated: false };
}

describe('applicationsOption', () => {
  it('stacks one series per application over the days', () => {
    const option = applicationsOption(applications(2), 'minutesOnScreen', light) as any;
    expect(option.xAxis.data).toEqual(['2026-03-09', '2026-03-10']);
    expect(option.series.map((s: any) => [s.name, s.stack, s.data])).toEqual([
      ['app0', 'apps', [50, 50]],
      ['app1', 'apps', [49.5, 49.5]],
    ]);
    expect(option.yAxis.name).toBe('Minutes on screen');
  });

  it('keeps the top applications by the metric shown and sums the rest as one series', () => {
    const option = applicationsOption(applications(MAX_APP_SERIES + 3), 'numberOfClicks', light) as any;
    const names = option.series.map((s: any) => s.name);
    expect(names).toHaveLength(MAX_APP_SERIES + 1);
    // By clicks the last apps rank first.
    expect(names[0]).toBe(`app${MAX_APP_SERIES + 2}`);
    expect(names[MAX_APP_SERIES]).toBe(OTHER_APPS);
    // app0, app1, app2 have 0, 1, 2 clicks a day.
    expect(option.series[MAX_APP_SERIES].data).toEqual([3, 3]);
  });

  it('uses the theme for text, grid lines and the palette', () => {
    const lightOption = applicationsOption(applications(1), 'minutesOnScreen', light) as any;
    const darkOption = applicationsOption(applications(1), 'minutesOnScreen', dark) as any;
    expect(lightOption.textStyle.color).toBe('#343741');
    expect(darkOption.textStyle.color).toBe('#DFE5EF');
    expect(darkOption.yAxis.splitLine.lineStyle.color).toBe('#343741');
    expect(darkOption.color).toEqual(['#1', '#2']);
    expect(lightOption.aria.enabled).toBe(true);
  });
});

describe('reportsOption', () => {
  it('places each report by time with its size in KB, a series per status present', () => {
    const data: ReportsResponse = {
      available: true,
      reports: [
        { id: 'a', generatedAt: '2026-03-09T00:00:00Z', status: 'sent', level: 'standard', sizeBytes: 2048, trigger: 'schedule' },
        { id: 'b', generatedAt: '2026-03-10T00:00:00Z', status: 'failed', level: 'standard', sizeBytes: 1536, trigger: 'manual' },
      ],
    };
    const option = reportsOption(data, dark) as any;
    expect(option.series.map((s: any) => [s.name, s.itemStyle.color, s.data])).toEqual([
      ['sent', dark.status.sent, [['2026-03-09T00:00:00Z', 2]]],
      ['failed', dark.status.failed, [['2026-03-10T00:00:00Z', 1.5]]],
    ]);
    expect(option.xAxis.type).toBe('time');
  });
});

describe('countersOption', () => {
  it('stacks a series per domain with a value for every day of the window', () => {
    const data: UsageCountersResponse = {
      days: 3,
      from: '2026-03-08',
      to: '2026-03-10',
      domains: [
        { domainId: 'core', total: 5, counters: [] },
        { domainId: 'app', total: 1, counters: [] },
      ],
      series: [
        { domainId: 'core', date: '2026-03-08', count: 2 },
        { domainId: 'core', date: '2026-03-10', count: 3 },
        { domainId: 'app', date: '2026-03-09', count: 1 },
      ],
    };
    const option = countersOption(data, light) as any;
    expect(option.xAxis.data).toEqual(['2026-03-08', '2026-03-09', '2026-03-10']);
    expect(option.series.map((s: any) => [s.name, s.data])).toEqual([
      ['core', [2, 0, 3]],
      ['app', [0, 1, 0]],
    ]);
  });

  it('windowDays spans month ends and stays bounded', () => {
    expect(windowDays('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(windowDays('2000-01-01', '2030-01-01').length).toBeLessThanOrEqual(367);
  });
});

describe('canSeeInsights', () => {
  it('is true only when the server switched usageInsights.show on', () => {
    expect(canSeeInsights({ usageInsights: { show: true } })).toBe(true);
    expect(canSeeInsights({ usageInsights: { show: false } })).toBe(false);
    expect(canSeeInsights({})).toBe(false);
  });
});

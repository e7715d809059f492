/*
 * ECharts options for each chart, built from the API's answers. Pure (no ECharts import), so what each
 * chart shows is unit-tested without a browser.
 */
import type { ApplicationsResponse, ReportsResponse, UsageCountersResponse } from '../common';
import type { ChartTheme } from './chart_theme';

/** Applications beyond this many are summed into one "Other applications" series, so a stack stays legible. */
export const MAX_APP_SERIES = 8;
export const OTHER_APPS = 'Other applications';

export type AppMetric = 'minutesOnScreen' | 'numberOfClicks';

type Option = Record<string, unknown>;

function base(theme: ChartTheme, ariaDescription: string): Option {
  const axisLabel = { color: theme.subdued };
  return {
    aria: { enabled: true, label: { description: ariaDescription } },
    animation: false,
    color: theme.palette,
    textStyle: { color: theme.text, fontFamily: 'Inter UI, -apple-system, BlinkMacSystemFont, Segoe UI, Helvetica, Arial, sans-serif' },
    grid: { left: 8, right: 16, top: 56, bottom: 8, containLabel: true },
    legend: { type: 'scroll', top: 0, textStyle: { color: theme.text }, pageTextStyle: { color: theme.text } },
    tooltip: {
      trigger: 'axis',
      backgroundColor: theme.dark ? '#25262E' : '#FFFFFF',
      borderColor: theme.border,
      textStyle: { color: theme.text },
    },
    xAxis: { axisLabel, axisLine: { lineStyle: { color: theme.border } } },
    yAxis: { axisLabel, splitLine: { lineStyle: { color: theme.border } } },
  };
}

/** The top applications by `metric` over the window, then everything else as one series. */
export function appSeriesNames(data: ApplicationsResponse, metric: AppMetric): string[] {
  const ranked = [...data.apps].sort((a, b) => b[metric] - a[metric] || (a.appId < b.appId ? -1 : 1));
  return ranked.slice(0, MAX_APP_SERIES).map((a) => a.appId);
}

/** Stacked bars: one bar per day, one segment per application. */
export function applicationsOption(data: ApplicationsResponse, metric: AppMetric, theme: ChartTheme): Option {
  const shown = new Set(appSeriesNames(data, metric));
  const other = data.dates.map(() => 0);
  const series: Option[] = [];
  for (const app of data.apps) {
    if (shown.has(app.appId)) {
      series.push({ name: app.appId, type: 'bar', stack: 'apps', data: app.daily[metric], emphasis: { focus: 'series' } });
    } else {
      app.daily[metric].forEach((value, i) => (other[i] += value));
    }
  }
  // In the order of the ranking, so the legend reads biggest first.
  const order = appSeriesNames(data, metric);
  series.sort((a, b) => order.indexOf(a.name as string) - order.indexOf(b.name as string));
  if (other.some((v) => v !== 0)) series.push({ name: OTHER_APPS, type: 'bar', stack: 'apps', data: other.map(round2), emphasis: { focus: 'series' } });
  const label = metric === 'minutesOnScreen' ? 'Minutes on screen' : 'Clicks';
  const option = base(theme, `${label} per application per day, ${data.from} to ${data.to}.`);
  return {
    ...option,
    xAxis: { ...(option.xAxis as Option), type: 'category', data: data.dates },
    yAxis: { ...(option.yAxis as Option), type: 'value', name: label, nameTextStyle: { color: theme.subdued, align: 'left' } },
    series,
  };
}

/** Bars of each report's size (KB) on a time axis, coloured by status. */
export function reportsOption(data: ReportsResponse, theme: ChartTheme): Option {
  const option = base(theme, `Size of the last ${data.reports.length} telemetry reports over time, by status.`);
  const statuses = ['sent', 'failed', 'generated'] as const;
  const series = statuses.map((status) => ({
    name: status,
    type: 'bar',
    barMaxWidth: 16,
    barMinHeight: 2,
    itemStyle: { color: theme.status[status] },
    data: data.reports.filter((r) => r.status === status).map((r) => [r.generatedAt, round2(r.sizeBytes / 1024)]),
  }));
  return {
    ...option,
    tooltip: { ...(option.tooltip as Option), trigger: 'item' },
    xAxis: { ...(option.xAxis as Option), type: 'time' },
    yAxis: { ...(option.yAxis as Option), type: 'value', name: 'Size (KB)', nameTextStyle: { color: theme.subdued, align: 'left' } },
    series: series.filter((s) => s.data.length > 0),
  };
}

/** Stacked bars: one bar per day, one segment per domain. */
export function countersOption(data: UsageCountersResponse, theme: ChartTheme): Option {
  const days = windowDays(data.from, data.to);
  const dayIndex = new Map(days.map((d, i) => [d, i]));
  const domains = data.domains.map((d) => d.domainId);
  const values = new Map<string, number[]>(domains.map((d) => [d, days.map(() => 0)]));
  for (const point of data.series) {
    const row = values.get(point.domainId);
    const i = dayIndex.get(point.date);
    if (row && i !== undefined) row[i] += point.count;
  }
  const option = base(theme, `Usage counters per domain per day, ${data.from} to ${data.to}.`);
  return {
    ...option,
    xAxis: { ...(option.xAxis as Option), type: 'category', data: days },
    yAxis: { ...(option.yAxis as Option), type: 'value', name: 'Count', nameTextStyle: { color: theme.subdued, align: 'left' } },
    series: [...values.entries()].map(([name, data]) => ({ name, type: 'bar', stack: 'domains', data, emphasis: { focus: 'series' } })),
  };
}

/** Every UTC day from `from` to `to`, inclusive. */
export function windowDays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`), end = Date.parse(`${to}T00:00:00Z`); t <= end && days.length <= 366; t += 86400000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

function round2(value: number) {
  return Math.round(value * 100) / 100;
}

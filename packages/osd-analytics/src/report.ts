import { METRIC_TYPE, Stats, UiStatsMetricType } from './metrics';

/** The only report version the server accepts. */
export const REPORT_VERSION = 1;

export interface UiStatsMetricReport {
  key: string;
  appName: string;
  eventName: string;
  type: UiStatsMetricType;
  stats: Stats;
}

export interface UserAgentMetricReport {
  key: string;
  appName: string;
  type: METRIC_TYPE.USER_AGENT;
  userAgent: string;
}

export interface ApplicationUsageReport {
  minutesOnScreen: number;
  numberOfClicks: number;
}

/** The body's `report` of `POST /api/ui_metric/report`, exactly what the server's schema accepts. */
export interface Report {
  reportVersion: typeof REPORT_VERSION;
  uiStatsMetrics?: Record<string, UiStatsMetricReport>;
  userAgent?: Record<string, UserAgentMetricReport>;
  application_usage?: Record<string, ApplicationUsageReport>;
}

/**
 * What the reporter keeps (in memory and in storage): the report plus, per ui metric, how many counts the
 * stats were built from. The server's schema has no field for it, so `toReport` leaves it out; without it a
 * running average cannot be kept, nor can two partial reports be merged exactly.
 */
export interface PendingReport extends Report {
  samples?: Record<string, number>;
}

export const emptyReport = (): PendingReport => ({ reportVersion: REPORT_VERSION });

export function isEmptyReport(report: Report) {
  return !hasEntries(report.uiStatsMetrics) && !hasEntries(report.userAgent) && !hasEntries(report.application_usage);
}

const hasEntries = (record?: Record<string, unknown>) => record !== undefined && Object.keys(record).length > 0;

/** The wire form of a pending report: the sample counts are dropped, empty parts left out. */
export function toReport(pending: PendingReport): Report {
  const report: Report = { reportVersion: REPORT_VERSION };
  if (hasEntries(pending.uiStatsMetrics)) report.uiStatsMetrics = pending.uiStatsMetrics;
  if (hasEntries(pending.userAgent)) report.userAgent = pending.userAgent;
  if (hasEntries(pending.application_usage)) report.application_usage = pending.application_usage;
  return report;
}

/**
 * Statistics of `a` followed by `b`, built from `aSamples` and `bSamples` counts. Upstream computed
 * `avg = min + max / 2` and started `min` at 0; here min and max start at the first count and the average is
 * the sum over the number of counts.
 */
export function combineStats(a: Stats, aSamples: number, b: Stats, bSamples: number): Stats {
  if (aSamples <= 0) return { ...b };
  if (bSamples <= 0) return { ...a };
  const sum = a.sum + b.sum;
  return { min: Math.min(a.min, b.min), max: Math.max(a.max, b.max), sum, avg: sum / (aSamples + bSamples) };
}

const statsOf = (count: number): Stats => ({ min: count, max: count, sum: count, avg: count });

/** Adds one ui metric count to `report` (in place). */
export function addUiStats(report: PendingReport, appName: string, type: UiStatsMetricType, eventName: string, count: number) {
  const key = `${appName}-${type}-${eventName}`;
  const metrics = (report.uiStatsMetrics ??= {});
  const samples = (report.samples ??= {});
  const existing = metrics[key];
  const previousSamples = existing ? (samples[key] ?? 1) : 0;
  const stats = existing ? combineStats(existing.stats, previousSamples, statsOf(count), 1) : statsOf(count);
  metrics[key] = { key, appName, eventName, type, stats };
  samples[key] = previousSamples + 1;
}

/** Records the user agent of `appName` (in place); a later one replaces an earlier one. */
export function addUserAgent(report: PendingReport, appName: string, userAgent: string) {
  const key = `${appName}-${METRIC_TYPE.USER_AGENT}`;
  report.userAgent = { ...report.userAgent, [key]: { key, appName, type: METRIC_TYPE.USER_AGENT, userAgent } };
}

/** Adds a closed application session to `report` (in place), summed with earlier sessions of the app. */
export function addApplicationUsage(report: PendingReport, appId: string, minutesOnScreen: number, numberOfClicks: number) {
  const usage = (report.application_usage ??= {});
  const existing = usage[appId] ?? { minutesOnScreen: 0, numberOfClicks: 0 };
  usage[appId] = {
    minutesOnScreen: existing.minutesOnScreen + minutesOnScreen,
    numberOfClicks: existing.numberOfClicks + numberOfClicks,
  };
}

/** `older` followed by `newer`, as one new report (neither is changed). */
export function mergeReports(older: PendingReport, newer: PendingReport): PendingReport {
  const merged: PendingReport = emptyReport();
  for (const source of [older, newer]) {
    for (const [key, metric] of Object.entries(source.uiStatsMetrics ?? {})) {
      const samples = source.samples?.[key] ?? 1;
      const metrics = (merged.uiStatsMetrics ??= {});
      const mergedSamples = (merged.samples ??= {});
      const existing = metrics[key];
      const existingSamples = existing ? mergedSamples[key] : 0;
      metrics[key] = { ...metric, stats: existing ? combineStats(existing.stats, existingSamples, metric.stats, samples) : { ...metric.stats } };
      mergedSamples[key] = existingSamples + samples;
    }
    for (const agent of Object.values(source.userAgent ?? {})) addUserAgent(merged, agent.appName, agent.userAgent);
    for (const [appId, usage] of Object.entries(source.application_usage ?? {})) {
      addApplicationUsage(merged, appId, usage.minutesOnScreen, usage.numberOfClicks);
    }
  }
  return merged;
}

/** Reads a stored report back; anything that is not one (another version, corrupt JSON) is `undefined`. */
export function parseStoredReport(value: unknown): PendingReport | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { savedAt: _savedAt, ...report } = value as PendingReport & { savedAt?: unknown };
  if (report.reportVersion !== REPORT_VERSION) return undefined;
  return report;
}

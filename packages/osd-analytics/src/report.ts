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

/**
 * Distinct entries of a report. Counts are merged per entry, so this, not the number of events, is what
 * the report's size (in memory, in storage, on the wire) grows with.
 */
export function countKeys(report: Report): number {
  const count = (record?: Record<string, unknown>) => (record ? Object.keys(record).length : 0);
  return count(report.uiStatsMetrics) + count(report.userAgent) + count(report.application_usage);
}

/** Whether `report` may take one more distinct entry. */
const hasRoom = (report: Report, maxKeys: number) => maxKeys === Infinity || countKeys(report) < maxKeys;

/**
 * Why the server would refuse a ui metric (its storage rules: `:` ends the app name in a counter's id,
 * names are not empty, counts are finite and never negative), or `undefined` when it is fine. Checked as
 * metrics arrive: one bad call must not get a whole batch, good metrics included, refused.
 */
export function invalidUiStats(appName: string, eventName: string, count: number): string | undefined {
  if (typeof appName !== 'string' || appName === '') return 'the app name is empty';
  if (appName.includes(':')) return 'the app name contains ":"';
  if (typeof eventName !== 'string' || eventName === '') return 'the event name is empty';
  if (typeof count !== 'number' || !Number.isFinite(count) || count < 0) return `the count ${count} is not a number >= 0`;
  return undefined;
}

/** Merges statistics built from `samples` counts into the metric `metric.key` (in place). */
function addMetric(report: PendingReport, metric: UiStatsMetricReport, samples: number, maxKeys: number): boolean {
  const metrics = (report.uiStatsMetrics ??= {});
  const allSamples = (report.samples ??= {});
  const existing = metrics[metric.key];
  if (!existing && !hasRoom(report, maxKeys)) return false;
  const previousSamples = existing ? (allSamples[metric.key] ?? 1) : 0;
  const stats = existing ? combineStats(existing.stats, previousSamples, metric.stats, samples) : { ...metric.stats };
  metrics[metric.key] = { ...metric, stats };
  allSamples[metric.key] = previousSamples + samples;
  return true;
}

/**
 * Adds one ui metric count to `report` (in place). False (nothing added) when it would be a new entry and
 * the report already holds `maxKeys`.
 */
export function addUiStats(report: PendingReport, appName: string, type: UiStatsMetricType, eventName: string, count: number, maxKeys = Infinity) {
  const key = `${appName}-${type}-${eventName}`;
  return addMetric(report, { key, appName, eventName, type, stats: statsOf(count) }, 1, maxKeys);
}

/** Records the user agent of `appName` (in place); a later one replaces an earlier one. False when full. */
export function addUserAgent(report: PendingReport, appName: string, userAgent: string, maxKeys = Infinity) {
  const key = `${appName}-${METRIC_TYPE.USER_AGENT}`;
  if (!report.userAgent?.[key] && !hasRoom(report, maxKeys)) return false;
  report.userAgent = { ...report.userAgent, [key]: { key, appName, type: METRIC_TYPE.USER_AGENT, userAgent } };
  return true;
}

/** Adds a closed application session to `report` (in place), summed with earlier ones. False when full. */
export function addApplicationUsage(report: PendingReport, appId: string, minutesOnScreen: number, numberOfClicks: number, maxKeys = Infinity) {
  const usage = (report.application_usage ??= {});
  const existing = usage[appId];
  if (!existing && !hasRoom(report, maxKeys)) return false;
  usage[appId] = {
    minutesOnScreen: (existing?.minutesOnScreen ?? 0) + minutesOnScreen,
    numberOfClicks: (existing?.numberOfClicks ?? 0) + numberOfClicks,
  };
  return true;
}

/**
 * Adds everything of `source` to `target` (in place; `source` is not changed): entries `target` already
 * has first, then new ones while `target` holds fewer than `maxKeys`. Returns how many entries did not fit.
 */
export function mergeInto(target: PendingReport, source: PendingReport, maxKeys = Infinity): number {
  let dropped = 0;
  for (const [key, metric] of Object.entries(source.uiStatsMetrics ?? {})) {
    if (!addMetric(target, metric, source.samples?.[key] ?? 1, maxKeys)) dropped++;
  }
  for (const agent of Object.values(source.userAgent ?? {})) {
    if (!addUserAgent(target, agent.appName, agent.userAgent, maxKeys)) dropped++;
  }
  for (const [appId, usage] of Object.entries(source.application_usage ?? {})) {
    if (!addApplicationUsage(target, appId, usage.minutesOnScreen, usage.numberOfClicks, maxKeys)) dropped++;
  }
  return dropped;
}

/** `older` followed by `newer`, as one new report (neither is changed), with at most `maxKeys` entries. */
export function mergeReports(older: PendingReport, newer: PendingReport, maxKeys = Infinity): PendingReport {
  const merged = emptyReport();
  mergeInto(merged, older, maxKeys);
  mergeInto(merged, newer, maxKeys);
  return merged;
}

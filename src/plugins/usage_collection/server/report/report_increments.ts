import type { ReportSchemaType } from './report_schema';

/** One `ui-metric` counter to raise. */
export interface CounterIncrement {
  /** `<appName>:<eventName>`, or `<user-agent record key>:<user agent>`. */
  id: string;
  incrementBy: number;
}

/** Time on screen and clicks of one application, from one report. */
export interface ApplicationUsageIncrement {
  appId: string;
  minutesOnScreen: number;
  numberOfClicks: number;
}

/** What one report asks the store to count. */
export interface ReportIncrements {
  counters: CounterIncrement[];
  applicationUsage: ApplicationUsageIncrement[];
}

/**
 * The counters a validated report raises, in order, as the two halves of their ids: each ui metric raises
 * `<appName>:<eventName>` by its `stats.sum` (the metric type is not part of the id), and a user agent
 * raises `<record key>:<user agent>` by one, where the record key is its key in the report's `userAgent`
 * record (upstream's id; the entry's own `key` field, usually equal, is not used). Its count is the number
 * of reports (page loads) it came with; upstream overwrote it with 1. The first half never holds `:` (the
 * report rules), so the two halves name one id and an id one pair of halves.
 */
export function forEachCounter(report: ReportSchemaType, visit: (first: string, second: string, incrementBy: number) => void) {
  // Object.values: a record of many distinct keys makes `record[key]` a slow lookup each time.
  if (report.uiStatsMetrics) {
    for (const metric of Object.values(report.uiStatsMetrics)) visit(metric.appName, metric.eventName, metric.stats.sum);
  }
  if (report.userAgent) {
    for (const [recordKey, agent] of Object.entries(report.userAgent)) visit(recordKey, agent.userAgent, 1);
  }
}

/** The transactional application usage a validated report brings. */
export function applicationUsageOf(report: ReportSchemaType): ApplicationUsageIncrement[] {
  const applicationUsage: ApplicationUsageIncrement[] = [];
  const usage = report.application_usage;
  if (usage) {
    for (const appId of Object.keys(usage)) {
      applicationUsage.push({ appId, minutesOnScreen: usage[appId].minutesOnScreen, numberOfClicks: usage[appId].numberOfClicks });
    }
  }
  return applicationUsage;
}

/** Turns a validated report into increments, as upstream stores it (see `forEachCounter`). */
export function reportToIncrements(report: ReportSchemaType): ReportIncrements {
  const counters: CounterIncrement[] = [];
  forEachCounter(report, (first, second, incrementBy) => counters.push({ id: `${first}:${second}`, incrementBy }));
  return { counters, applicationUsage: applicationUsageOf(report) };
}

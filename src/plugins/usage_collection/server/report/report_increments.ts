import type { ReportSchemaType } from './report_schema';

/** One `ui-metric` counter to raise. */
export interface CounterIncrement {
  /** `<appName>:<eventName>`, or `<appName>-user_agent:<user agent>`. */
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
 * Turns a validated report into increments, as upstream stores it: each ui metric raises
 * `<appName>:<eventName>` by its `stats.sum` (the metric type is not part of the id), and application usage
 * becomes transactional documents. A user agent raises `<key>:<user agent>` by one, so its count is the
 * number of reports (page loads) it came with; upstream overwrote it with 1.
 */
export function reportToIncrements(report: ReportSchemaType): ReportIncrements {
  const counters: CounterIncrement[] = [];
  const metrics = report.uiStatsMetrics;
  if (metrics) {
    for (const key in metrics) {
      const metric = metrics[key];
      counters.push({ id: `${metric.appName}:${metric.eventName}`, incrementBy: metric.stats.sum });
    }
  }
  const agents = report.userAgent;
  if (agents) {
    for (const key in agents) {
      const agent = agents[key];
      counters.push({ id: `${agent.key}:${agent.userAgent}`, incrementBy: 1 });
    }
  }
  const applicationUsage: ApplicationUsageIncrement[] = [];
  const usage = report.application_usage;
  if (usage) {
    for (const appId of Object.keys(usage)) {
      applicationUsage.push({ appId, minutesOnScreen: usage[appId].minutesOnScreen, numberOfClicks: usage[appId].numberOfClicks });
    }
  }
  return { counters, applicationUsage };
}

import type { SavedObjectsCommitSum, SavedObjectsCommittedCounter, SavedObjectsCounters } from '../../../../core/server';
import { UI_METRIC_SAVED_OBJECT_TYPE } from '../../common/constants';
import { APPLICATION_USAGE_TRANSACTIONAL_TYPE } from '../collectors/application_usage/saved_object_types';
import { UI_METRIC_DAILY_SAVED_OBJECT_TYPE } from '../usage_counters/constants';
import { uiMetricDailyId, utcDay } from '../usage_counters/counter_names';
import type { ApplicationUsageIncrement, ReportIncrements } from './report_increments';

/** The writer cannot take writes: before the plugin started, or after it stopped. Maps to 503. */
export class WriterUnavailableError extends Error {
  constructor(reason: string) {
    super(`The ui metric store is not available: ${reason}`);
    this.name = 'WriterUnavailableError';
  }
}

/** Takes the daily counts of committed counters (the usage counters' buffer, flushed every few seconds). */
export interface DailyCountSink {
  addDailyCount(type: string, id: string, attributes: Record<string, string>, count: number): boolean;
}

export interface ReportWriterOptions {
  /** Extra time to gather reports before a commit (`uiMetric.batchingIntervalInS`); 0 commits at once. */
  lingerMs: number;
  /** Where each committed counter's count of the day goes (`ui-metric-daily`); none keeps no daily counts. */
  dailyCounts?: DailyCountSink;
}

/** One transactional application-usage document per application and commit, summed over its reports. */
function applicationUsageSums(usage: ApplicationUsageIncrement[]): SavedObjectsCommitSum[] {
  return usage.map(({ appId, minutesOnScreen, numberOfClicks }) => ({
    type: APPLICATION_USAGE_TRANSACTIONAL_TYPE,
    keyField: 'appId',
    key: appId,
    values: { minutesOnScreen, numberOfClicks },
    timeField: 'timestamp',
  }));
}

/**
 * Hands each report's increments to core's counters port (`coreStart.savedObjects.counters`), which
 * merges concurrent reports, refuses one that would carry a sum past Number.MAX_SAFE_INTEGER (400),
 * commits one batch at a time, writes the application usage of the reports whose counters are stored
 * (once, in the same commit) and resolves each report once it is durable. No batching happens here.
 *
 * Each committed `ui-metric` counter's count of the day (`ui-metric-daily`, for the insights charts) goes
 * from the port's commit listener to the usage counters' buffer, stored every few seconds with one batch
 * (written in each commit it doubled the rows of every commit). Only committed counts reach it: a refused
 * counter gets no daily count; the last few seconds of daily counts do not survive `kill -9`, the all-time
 * counters do.
 */
export class ReportWriter {
  private counters?: SavedObjectsCounters;
  private unsubscribe?: () => void;
  private stopped = false;

  constructor(private readonly options: ReportWriterOptions) {}

  /** Opens the writer on core's counters port (plugin start). */
  public start(counters: SavedObjectsCounters) {
    this.counters = counters;
    const sink = this.options.dailyCounts;
    if (sink) this.unsubscribe = counters.onCommitted(UI_METRIC_SAVED_OBJECT_TYPE, 'count', (committed, time) => addDailyCounts(sink, committed, time));
  }

  /** Resolves once every increment of `increments` is durably stored; rejects with the port's error. */
  public write(increments: ReportIncrements): Promise<void> {
    if (this.stopped) return Promise.reject(new WriterUnavailableError('the server is stopping'));
    const counters = this.counters;
    if (!counters) return Promise.reject(new WriterUnavailableError('the server has not started yet'));
    const { applicationUsage } = increments;
    if (increments.counters.length === 0 && applicationUsage.length === 0) return Promise.resolve();
    return counters.increment({
      // The report's counter objects as they are: the port reads `id` and `incrementBy`.
      increments: [{ type: UI_METRIC_SAVED_OBJECT_TYPE, counterFieldName: 'count', counters: increments.counters }],
      sums: applicationUsage.length > 0 ? applicationUsageSums(applicationUsage) : undefined,
      lingerMs: this.options.lingerMs,
    });
  }

  /** Refuses new writes and waits for those handed over (their daily counts reach the buffer before its last flush). */
  public async stop() {
    this.stopped = true;
    await this.counters?.flush();
    this.unsubscribe?.();
  }
}

function addDailyCounts(sink: DailyCountSink, committed: Iterable<SavedObjectsCommittedCounter>, time: Date) {
  const date = utcDay(time);
  for (const { id, incrementBy } of committed) {
    // An app name (or user-agent record key) never holds ':' (report rules): the first one ends it.
    const at = id.indexOf(':');
    const appName = id.slice(0, at);
    const eventName = id.slice(at + 1);
    sink.addDailyCount(UI_METRIC_DAILY_SAVED_OBJECT_TYPE, uiMetricDailyId(appName, eventName, date), { appName, eventName, date }, incrementBy);
  }
}

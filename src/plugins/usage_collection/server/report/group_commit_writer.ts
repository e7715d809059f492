import type { ISavedObjectsRepository, Logger } from '../../../../core/server';
import { UI_METRIC_SAVED_OBJECT_TYPE } from '../../common/constants';
import { APPLICATION_USAGE_TRANSACTIONAL_TYPE } from '../collectors/application_usage/saved_object_types';
import { isStoreUnavailable } from '../ingest/store_availability';
import { UI_METRIC_DAILY_SAVED_OBJECT_TYPE } from '../usage_counters/constants';
import { utcDay } from '../usage_counters/counter_names';
import type { ReportIncrements } from './report_increments';

/** The writer cannot take writes: before the plugin started, or after it stopped. Maps to 503. */
export class WriterUnavailableError extends Error {
  constructor(reason: string) {
    super(`The ui metric store is not available: ${reason}`);
    this.name = 'WriterUnavailableError';
  }
}

/**
 * A report would carry a counter (or an application's clicks or minutes) past Number.MAX_SAFE_INTEGER in
 * the batch it joins. Such a report is refused whole, never stored wrapped or rounded. Maps to 400.
 */
export class CounterOverflowError extends Error {
  constructor(public readonly counter: string) {
    super(`The report would raise ${counter} past ${Number.MAX_SAFE_INTEGER}; it was not stored`);
    this.name = 'CounterOverflowError';
  }
}

interface Waiter {
  increments: ReportIncrements;
  resolve: () => void;
  reject: (error: Error) => void;
  failed?: Error;
}

interface UsageSum {
  minutesOnScreen: number;
  numberOfClicks: number;
}

interface Batch {
  counters: Map<string, number>;
  /** Per application, the sums the batch's transactional documents will hold (checked as they grow). */
  applicationUsage: Map<string, UsageSum>;
  waiters: Waiter[];
}

const newBatch = (): Batch => ({ counters: new Map(), applicationUsage: new Map(), waiters: [] });

/**
 * Adds the report's increments to the batch, or, when one sum would pass Number.MAX_SAFE_INTEGER, leaves
 * the batch as it was and throws. Sums of safe integers below that bound are exact, so undoing is exact.
 */
function mergeInto(batch: Batch, increments: ReportIncrements) {
  const { counters, applicationUsage } = increments;
  // Application usage first, into new objects: nothing of the batch changes until every sum is known good.
  const usage = applicationUsage.length > 0 ? new Map<string, UsageSum>() : undefined;
  for (const { appId, minutesOnScreen, numberOfClicks } of applicationUsage) {
    const base = usage!.get(appId) ?? batch.applicationUsage.get(appId);
    const sum = { minutesOnScreen: (base?.minutesOnScreen ?? 0) + minutesOnScreen, numberOfClicks: (base?.numberOfClicks ?? 0) + numberOfClicks };
    if (sum.numberOfClicks > Number.MAX_SAFE_INTEGER || sum.minutesOnScreen > Number.MAX_SAFE_INTEGER) {
      throw new CounterOverflowError(`the application usage of [${appId}]`);
    }
    usage!.set(appId, sum);
  }
  // Counters this report brings into the batch: undone, they leave it (an increment of 0 creates a counter).
  let added: Set<string> | undefined;
  for (let i = 0; i < counters.length; i++) {
    const { id, incrementBy } = counters[i];
    const current = batch.counters.get(id);
    const sum = (current ?? 0) + incrementBy;
    if (sum > Number.MAX_SAFE_INTEGER) {
      for (let j = 0; j < i; j++) {
        const undo = counters[j];
        if (added?.has(undo.id)) batch.counters.delete(undo.id);
        else batch.counters.set(undo.id, batch.counters.get(undo.id)! - undo.incrementBy);
      }
      throw new CounterOverflowError(`ui-metric counter [${id}]`);
    }
    if (current === undefined) (added ??= new Set()).add(id);
    batch.counters.set(id, sum);
  }
  if (usage) for (const [appId, sum] of usage) batch.applicationUsage.set(appId, sum);
}

/** Takes the daily counts of committed counters (the usage counters' buffer, flushed every few seconds). */
export interface DailyCountSink {
  addDailyCount(type: string, id: string, attributes: Record<string, string>, count: number): boolean;
}

export interface GroupCommitWriterOptions {
  logger: Logger;
  /** Extra time to gather increments before a commit; 0 commits as soon as the previous one is done. */
  lingerMs: number;
  /** Where each committed counter's count of the day goes (`ui-metric-daily`); none keeps no daily counts. */
  dailyCounts?: DailyCountSink;
  now?: () => Date;
}

/**
 * Writes ui-metric counts with group commit. Increments from all concurrent requests are merged in memory
 * (the same counter from many reports becomes one operation) and committed in one transaction at a
 * time; while a commit runs, the next batch gathers. `write` resolves only once the batch holding its
 * increments is durable, so an acknowledged count survives `kill -9`.
 *
 * Each committed counter's count of the day (`ui-metric-daily`, for the insights charts) goes to the usage
 * counters' buffer, stored every few seconds with one batch: written in each commit it doubled the rows
 * of every commit (+30 to +55% CPU per report). Only committed counts reach it, so a refused or capped
 * counter gets no daily count; the last few seconds of daily counts do not survive `kill -9`, the
 * all-time counters do.
 *
 * A commit is all or nothing. If one fails (say, one stored counter is corrupt), the counters of each
 * report of that batch are retried alone, so only the reports touching the bad document fail. A rejected
 * report may still have been partly stored (its counters, not its application usage): the guarantee is
 * that an acknowledged report is never lost, and a retried one may count twice. When the store is away
 * (see `isStoreUnavailable`) every report of the batch fails at once, without retries.
 *
 * No sum in a batch passes Number.MAX_SAFE_INTEGER: a report that would carry one past it is refused
 * (`CounterOverflowError`) before it joins; the store refuses a stored counter's overflow itself.
 */
export class GroupCommitWriter {
  private repository?: ISavedObjectsRepository;
  private pending = newBatch();
  private committing?: Promise<void>;
  private scheduled = false;
  private lingerTimer?: NodeJS.Timeout;
  private stopped = false;
  private readonly now: () => Date;
  private commits = 0;
  private committedIncrements = 0;

  constructor(private readonly options: GroupCommitWriterOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** Opens the writer on the store (plugin start). */
  public start(repository: ISavedObjectsRepository) {
    this.repository = repository;
  }

  /** Resolves once every increment of `increments` is durably stored; rejects if storing failed. */
  public write(increments: ReportIncrements): Promise<void> {
    if (this.stopped) return Promise.reject(new WriterUnavailableError('the server is stopping'));
    if (!this.repository) return Promise.reject(new WriterUnavailableError('the server has not started yet'));
    if (increments.counters.length === 0 && increments.applicationUsage.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const batch = this.pending;
      mergeInto(batch, increments);
      batch.waiters.push({ increments, resolve, reject });
      this.schedule();
    });
  }

  /** Commits what is pending, then refuses new writes. */
  public async stop() {
    this.stopped = true;
    while (this.committing || this.scheduled || this.pending.waiters.length > 0) {
      if (this.committing) await this.committing;
      else await this.flush();
    }
  }

  /** Commits and increments stored so far, for logs and tests. */
  public getStats() {
    return { commits: this.commits, committedIncrements: this.committedIncrements };
  }

  /**
   * Arranges the next commit: at the end of the current I/O phase (so every report already read joins
   * it), or after the linger time. While a commit runs nothing is scheduled: the reports arriving
   * meanwhile form the next batch, which starts as soon as that commit is stored, before its answers go
   * out (see `commit`). The stores commit off the event loop (SQLite on its counter thread, OpenSearch
   * over HTTP), so the requests keep being read during a commit, and the slower commits are, the larger
   * the batches grow.
   */
  private schedule() {
    if (this.committing || this.scheduled) return;
    this.scheduled = true;
    if (this.options.lingerMs > 0) {
      this.lingerTimer = setTimeout(() => void this.flush(), this.options.lingerMs);
    } else {
      setImmediate(() => void this.flush());
    }
  }

  private flush(): Promise<void> {
    this.scheduled = false;
    clearTimeout(this.lingerTimer);
    if (this.committing || this.pending.waiters.length === 0) return this.committing ?? Promise.resolve();
    const batch = this.pending;
    this.pending = newBatch();
    const committing: Promise<void> = this.commit(batch).finally(() => {
      // `commit` hands over to the next batch itself; this only matters if it failed before that.
      if (this.committing !== committing) return;
      this.committing = undefined;
      if (this.pending.waiters.length > 0) this.schedule();
    });
    this.committing = committing;
    return committing;
  }

  private async commit(batch: Batch) {
    const { waiters } = batch;
    try {
      await this.storeCounters(batch.counters);
    } catch (error) {
      // An unavailable store fails every report alike: retrying them one by one would only wait longer.
      if (waiters.length === 1 || isStoreUnavailable(error)) for (const waiter of waiters) waiter.failed = error as Error;
      else await this.retryCountersOneByOne(waiters, error as Error);
    }
    const withUsage = waiters.filter((w) => !w.failed && w.increments.applicationUsage.length > 0);
    if (withUsage.length > 0) {
      try {
        await this.storeApplicationUsage(withUsage);
      } catch (error) {
        // Not retried: the counters of these reports are stored, and a retried report would count them twice.
        for (const waiter of withUsage) waiter.failed = error as Error;
      }
    }
    this.commits++;
    // The store is free: the batch gathered meanwhile starts now. Answering this one means a socket write
    // per report, and waiting for those would leave the store idle.
    this.committing = undefined;
    if (this.pending.waiters.length > 0) {
      if (this.options.lingerMs > 0) this.schedule();
      else void this.flush();
    }
    for (const waiter of waiters) {
      if (waiter.failed) {
        waiter.reject(waiter.failed);
      } else {
        this.committedIncrements += waiter.increments.counters.length;
        waiter.resolve();
      }
    }
  }

  private async retryCountersOneByOne(waiters: Waiter[], cause: Error) {
    this.options.logger.warn(`A ui metric commit of ${waiters.length} reports failed (${cause.message}); storing them one by one`);
    let away: Error | undefined;
    for (const waiter of waiters) {
      if (away) {
        waiter.failed = away;
        continue;
      }
      const counters = new Map<string, number>();
      for (const { id, incrementBy } of waiter.increments.counters) counters.set(id, (counters.get(id) ?? 0) + incrementBy);
      try {
        await this.storeCounters(counters);
      } catch (error) {
        waiter.failed = error as Error;
        if (isStoreUnavailable(error)) away = error as Error;
      }
    }
  }

  private async storeCounters(counters: Map<string, number>) {
    if (counters.size === 0) return;
    const operations = [];
    for (const [id, incrementBy] of counters) {
      operations.push({ type: UI_METRIC_SAVED_OBJECT_TYPE, id, counterFieldName: 'count', incrementBy });
    }
    await this.repository!.incrementCounters(operations, { returnObjects: false });
    this.addDailyCounts(counters);
  }

  private addDailyCounts(counters: Map<string, number>) {
    const sink = this.options.dailyCounts;
    if (!sink) return;
    const date = utcDay(this.now());
    for (const [id, count] of counters) {
      // An app name (or user-agent record key) never holds ':' (report rules): the first one ends it.
      const at = id.indexOf(':');
      sink.addDailyCount(UI_METRIC_DAILY_SAVED_OBJECT_TYPE, `${id}:${date}`, { appName: id.slice(0, at), eventName: id.slice(at + 1), date }, count);
    }
  }

  /** One transactional document per application and commit (the sum of its reports), in one bulk write. */
  private async storeApplicationUsage(waiters: Waiter[]) {
    const byApp = new Map<string, { minutesOnScreen: number; numberOfClicks: number }>();
    for (const waiter of waiters) {
      for (const { appId, minutesOnScreen, numberOfClicks } of waiter.increments.applicationUsage) {
        const sum = byApp.get(appId) ?? { minutesOnScreen: 0, numberOfClicks: 0 };
        sum.minutesOnScreen += minutesOnScreen;
        sum.numberOfClicks += numberOfClicks;
        byApp.set(appId, sum);
      }
    }
    const timestamp = this.now().toISOString();
    const { saved_objects: saved } = await this.repository!.bulkCreate(
      [...byApp].map(([appId, sum]) => ({ type: APPLICATION_USAGE_TRANSACTIONAL_TYPE, attributes: { appId, ...sum, timestamp } })),
      // Fresh ids never conflict, so the bulk write is all or nothing.
      { overwrite: true }
    );
    const failed = saved.find((o) => o.error);
    if (failed) throw new Error(`could not store application usage: ${failed.error!.message}`);
  }
}

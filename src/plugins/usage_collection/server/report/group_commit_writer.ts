import type { ISavedObjectsRepository, Logger } from '../../../../core/server';
import { UI_METRIC_SAVED_OBJECT_TYPE } from '../../common/constants';
import { APPLICATION_USAGE_TRANSACTIONAL_TYPE } from '../collectors/application_usage/saved_object_types';
import type { ReportIncrements } from './report_increments';

/** The writer cannot take writes: before the plugin started, or after it stopped. Maps to 503. */
export class WriterUnavailableError extends Error {
  constructor(reason: string) {
    super(`The ui metric store is not available: ${reason}`);
    this.name = 'WriterUnavailableError';
  }
}

interface Waiter {
  increments: ReportIncrements;
  resolve: () => void;
  reject: (error: Error) => void;
  failed?: Error;
}

interface Batch {
  counters: Map<string, number>;
  waiters: Waiter[];
}

const newBatch = (): Batch => ({ counters: new Map(), waiters: [] });

export interface GroupCommitWriterOptions {
  logger: Logger;
  /** Extra time to gather increments before a commit; 0 commits as soon as the previous one is done. */
  lingerMs: number;
  now?: () => Date;
}

/**
 * Writes ui-metric counts with group commit. Increments from all concurrent requests are merged in memory
 * (the same counter from many reports becomes one operation) and committed in one transaction at a
 * time; while a commit runs, the next batch gathers. `write` resolves only once the batch holding its
 * increments is durable, so an acknowledged count survives `kill -9`.
 *
 * A commit is all or nothing. If one fails (say, one stored counter is corrupt), the counters of each
 * report of that batch are retried alone, so only the reports touching the bad document fail. A rejected
 * report may still have been partly stored (its counters, not its application usage): the guarantee is
 * that an acknowledged report is never lost, and a retried one may count twice.
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
      for (const { id, incrementBy } of increments.counters) {
        batch.counters.set(id, (batch.counters.get(id) ?? 0) + incrementBy);
      }
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
   * meanwhile form the next batch, which starts as soon as that commit ends. The stores commit off the
   * event loop (SQLite on its counter thread, OpenSearch over HTTP), so the requests keep being read
   * during a commit, and the slower commits are, the larger the batches grow.
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
    this.committing = this.commit(batch).finally(() => {
      this.committing = undefined;
      if (this.pending.waiters.length > 0) this.schedule();
    });
    return this.committing;
  }

  private async commit(batch: Batch) {
    const { waiters } = batch;
    try {
      await this.storeCounters(batch.counters);
    } catch (error) {
      if (waiters.length === 1) waiters[0].failed = error as Error;
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
    for (const waiter of waiters) {
      const counters = new Map<string, number>();
      for (const { id, incrementBy } of waiter.increments.counters) counters.set(id, (counters.get(id) ?? 0) + incrementBy);
      try {
        await this.storeCounters(counters);
      } catch (error) {
        waiter.failed = error as Error;
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

import type { ISavedObjectsRepository, Logger } from '../../../../core/server';
import { utcDayBefore } from './counter_names';

type Repository = Pick<ISavedObjectsRepository, 'scan' | 'delete'>;

/** Objects read per page of the cleanup's scan. */
export const CLEANUP_PAGE_SIZE = 1000;
/** How often the cleanup runs, after its first run at start. */
export const CLEANUP_INTERVAL_MS = 6 * 60 * 60 * 1000;
/** The first run waits this long after start, so it never competes with the start itself. */
export const CLEANUP_FIRST_DELAY_MS = 60_000;

/**
 * The policy: a daily object is kept while its day is one of the last `historyDays` UTC days (today
 * included); the first day it no longer is, it expires. An object without a readable `date` is kept (it
 * is not ours to judge). Returns the first day kept.
 */
export function firstKeptDay(now: Date, historyDays: number): string {
  return utcDayBefore(now, historyDays - 1);
}

const isDay = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * Deletes the daily objects of `types` whose `date` is before the kept days. Reads with a keyset scan, a
 * page at a time, and deletes one by one (there is no bulk delete; it runs in the background). Returns how
 * many were deleted.
 */
export async function deleteExpiredDailyObjects({ repository, types, historyDays, now }: { repository: Repository; types: string[]; historyDays: number; now: Date }) {
  const first = firstKeptDay(now, historyDays);
  let deleted = 0;
  for (const type of types) {
    const expired: string[] = [];
    for await (const page of repository.scan<{ date?: unknown }>({ type, perPage: CLEANUP_PAGE_SIZE, fields: ['date'] })) {
      for (const object of page) if (isDay(object.attributes?.date) && object.attributes.date < first) expired.push(object.id);
    }
    for (const id of expired) {
      await repository.delete(type, id);
      deleted++;
    }
  }
  return deleted;
}

export interface DailyCleanupOptions {
  logger: Logger;
  getRepository: () => Repository | undefined;
  types: string[];
  historyDays: number;
  now?: () => Date;
  firstDelayMs?: number;
  intervalMs?: number;
}

/** Runs `deleteExpiredDailyObjects` shortly after start, then every `CLEANUP_INTERVAL_MS`; a failed run is logged and retried next time. */
export class DailyCleanup {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(private readonly options: DailyCleanupOptions) {}

  public start() {
    this.schedule(this.options.firstDelayMs ?? CLEANUP_FIRST_DELAY_MS);
  }

  public async stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One run now (tests, and the timer). Never rejects. */
  public runOnce(): Promise<void> {
    this.running ??= this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  private schedule(delayMs: number) {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.runOnce().then(() => this.schedule(this.options.intervalMs ?? CLEANUP_INTERVAL_MS));
    }, delayMs);
    this.timer.unref();
  }

  private async run() {
    const repository = this.options.getRepository();
    if (!repository) return;
    const { types, historyDays, logger } = this.options;
    try {
      const deleted = await deleteExpiredDailyObjects({ repository, types, historyDays, now: (this.options.now ?? (() => new Date()))() });
      if (deleted > 0) logger.debug(`Deleted ${deleted} daily counters older than ${historyDays} days`);
    } catch (error) {
      logger.warn(`Could not delete expired daily counters (${(error as Error).message}); retried at the next run`);
    }
  }
}

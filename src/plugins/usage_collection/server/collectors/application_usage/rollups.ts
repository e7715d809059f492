import type { ISavedObjectsRepository, Logger, SavedObject } from '../../../../../core/server';
import {
  APPLICATION_USAGE_DAILY_TYPE,
  APPLICATION_USAGE_TOTALS_TYPE,
  APPLICATION_USAGE_TRANSACTIONAL_TYPE,
  ApplicationUsageAttributes,
} from './saved_object_types';

type Repository = Pick<ISavedObjectsRepository, 'find' | 'scan' | 'bulkGet' | 'bulkCreate' | 'delete'>;

const DAY_MS = 24 * 60 * 60 * 1000;
/** Transactional documents read (and folded) per round of `rollDailyData`; daily documents per page of `rollTotals`. */
export const ROLLUP_PAGE_SIZE = 1000;

interface Group {
  id: string;
  attributes: ApplicationUsageAttributes;
  sources: Array<{ type: string; id: string }>;
}

/** UTC day of an ISO timestamp: `2020-01-01`. */
const dayOf = (timestamp: string | undefined) => new Date(Date.parse(timestamp ?? '') || 0).toISOString().slice(0, 10);

/**
 * Adds each group to the stored document with the same id (if any) and writes it back with that
 * document's version, so a concurrent writer makes the write fail rather than be overwritten. Only the
 * source documents of groups that were written are deleted. Returns how many groups were written.
 */
async function foldInto(repository: Repository, type: string, groups: Group[], logger: Logger) {
  if (groups.length === 0) return 0;
  const { saved_objects: existing } = await repository.bulkGet<ApplicationUsageAttributes>(groups.map(({ id }) => ({ type, id })));
  const { saved_objects: written } = await repository.bulkCreate<ApplicationUsageAttributes>(
    groups.map((group, i) => {
      const stored: SavedObject<ApplicationUsageAttributes> | undefined = existing[i].error ? undefined : existing[i];
      return {
        type,
        id: group.id,
        version: stored?.version,
        attributes: {
          ...group.attributes,
          numberOfClicks: group.attributes.numberOfClicks + (stored?.attributes.numberOfClicks || 0),
          minutesOnScreen: group.attributes.minutesOnScreen + (stored?.attributes.minutesOnScreen || 0),
        },
      };
    }),
    { overwrite: true }
  );
  let done = 0;
  for (let i = 0; i < groups.length; i++) {
    if (written[i].error) {
      logger.debug(`Application usage rollup skipped ${type}:${groups[i].id} (${written[i].error!.message}); it is retried next time`);
      continue;
    }
    done++;
    // One by one: there is no bulk delete, and these run in the background.
    for (const source of groups[i].sources) await repository.delete(source.type, source.id);
  }
  return done;
}

/** Folds transactional documents into one daily document per application and UTC day, then deletes them. */
export async function rollDailyData(logger: Logger, repository?: Repository): Promise<void> {
  if (!repository) return;
  try {
    for (;;) {
      const { saved_objects: docs } = await repository.find<ApplicationUsageAttributes>({
        type: APPLICATION_USAGE_TRANSACTIONAL_TYPE,
        perPage: ROLLUP_PAGE_SIZE,
      });
      if (docs.length === 0) return;
      const groups = new Map<string, Group>();
      for (const doc of docs) {
        const { appId, numberOfClicks, minutesOnScreen, timestamp } = doc.attributes;
        const day = dayOf(timestamp);
        const id = `${appId}:${day}`;
        const group = groups.get(id) ?? { id, attributes: { appId, numberOfClicks: 0, minutesOnScreen: 0, timestamp: `${day}T00:00:00.000Z` }, sources: [] };
        group.attributes.numberOfClicks += numberOfClicks || 0;
        group.attributes.minutesOnScreen += minutesOnScreen || 0;
        group.sources.push({ type: APPLICATION_USAGE_TRANSACTIONAL_TYPE, id: doc.id });
        groups.set(id, group);
      }
      const written = await foldInto(repository, APPLICATION_USAGE_DAILY_TYPE, [...groups.values()], logger);
      // Nothing could be written (conflicts): stop rather than read the same page again.
      if (written === 0 || docs.length < ROLLUP_PAGE_SIZE) return;
    }
  } catch (error) {
    logger.warn(`Failed to rollup transactional to daily entries: ${(error as Error).message}`);
  }
}

/** Folds daily documents older than 90 days into the per-application totals, then deletes them. */
export async function rollTotals(logger: Logger, repository?: Repository, now: Date = new Date()): Promise<void> {
  if (!repository) return;
  try {
    const cutoff = now.getTime() - 90 * DAY_MS;
    const groups = new Map<string, Group>();
    // A keyset scan, page by page: only the documents past the cutoff are kept.
    for await (const page of repository.scan<ApplicationUsageAttributes>({ type: APPLICATION_USAGE_DAILY_TYPE, perPage: ROLLUP_PAGE_SIZE })) {
      for (const doc of page) {
        if (!(Date.parse(doc.attributes.timestamp ?? '') < cutoff)) continue;
        const { appId, numberOfClicks, minutesOnScreen } = doc.attributes;
        const group = groups.get(appId) ?? { id: appId, attributes: { appId, numberOfClicks: 0, minutesOnScreen: 0 }, sources: [] };
        group.attributes.numberOfClicks += numberOfClicks || 0;
        group.attributes.minutesOnScreen += minutesOnScreen || 0;
        group.sources.push({ type: APPLICATION_USAGE_DAILY_TYPE, id: doc.id });
        groups.set(appId, group);
      }
    }
    await foldInto(repository, APPLICATION_USAGE_TOTALS_TYPE, [...groups.values()], logger);
  } catch (error) {
    logger.warn(`Failed to rollup daily entries to totals: ${(error as Error).message}`);
  }
}

export interface ApplicationUsageRollupsOptions {
  logger: Logger;
  getRepository: () => Repository | undefined;
  /** Delay of the first run of both rollups; upstream: 5 minutes. */
  initialDelayMs?: number;
  /** transactional → daily; upstream: every 30 minutes. */
  dailyIntervalMs?: number;
  /** daily → totals; upstream: every 24 hours. */
  totalsIntervalMs?: number;
}

/** The two rollups on timers. Runs never overlap; `stop` clears the timers and waits for a running one. */
export class ApplicationUsageRollups {
  private readonly timers = new Set<NodeJS.Timeout>();
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly options: ApplicationUsageRollupsOptions) {}

  public start() {
    const { initialDelayMs = 5 * 60_000, dailyIntervalMs = 30 * 60_000, totalsIntervalMs = 24 * 60 * 60_000 } = this.options;
    this.every(initialDelayMs, dailyIntervalMs, () => rollDailyData(this.options.logger, this.options.getRepository()));
    this.every(initialDelayMs, totalsIntervalMs, () => rollTotals(this.options.logger, this.options.getRepository()));
  }

  public async stop() {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    await this.running;
  }

  private every(firstMs: number, intervalMs: number, job: () => Promise<void>) {
    const arm = (delayMs: number) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        if (this.stopped) return;
        // Chained, so rollups never run at the same time; each job catches its own errors.
        this.running = this.running.then(() => (this.stopped ? undefined : job()));
        arm(intervalMs);
      }, delayMs);
      timer.unref();
      this.timers.add(timer);
    };
    arm(firstMs);
  }
}

import type { Logger } from '../../../core/server';
import type { UsageStatsPayload } from './types';
import { getIncompleteReason } from './util';

/** Options of one cache read. */
export interface ReportCacheGetOptions {
  /** Collect again even when a fresh entry exists (the new result replaces it). */
  refresh?: boolean;
}

/** Per-collection cache of complete reports. */
export interface ReportCache {
  /**
   * The cached reports of `key` while fresh; otherwise runs `collect` (callers at the same time share one
   * run) and keeps its result if it is complete. A rejection or an incomplete report is never kept.
   */
  get(key: string, collect: () => Promise<UsageStatsPayload[]>, options?: ReportCacheGetOptions): Promise<UsageStatsPayload[]>;
  /** Drops every entry and forgets collections in flight (their result is not kept). */
  clear(): void;
}

export interface ReportCacheOptions {
  logger: Logger;
  /** How long an entry is fresh; 0 keeps nothing. */
  ttlMs: number;
  now?: () => number;
}

interface Entry {
  reports: UsageStatsPayload[];
  fetchedAt: number;
}

/** A cache with one entry per collection title, a TTL, and in-flight sharing. */
export function createReportCache({ logger, ttlMs, now = Date.now }: ReportCacheOptions): ReportCache {
  const entries = new Map<string, Entry>();
  const inFlight = new Map<string, Promise<UsageStatsPayload[]>>();
  // Bumped by clear(): a collection that started before it must not fill the cache after it.
  let generation = 0;

  const run = (key: string, collect: () => Promise<UsageStatsPayload[]>) => {
    const startedIn = generation;
    const promise = collect()
      .then((reports) => {
        const reasons = reports.map(getIncompleteReason).filter((r): r is string => r !== undefined);
        if (ttlMs <= 0 || startedIn !== generation) return reports;
        if (reports.length === 0 || reasons.length > 0) {
          entries.delete(key);
          logger.debug(`Telemetry report of "${key}" not cached: ${reasons[0] ?? 'no cluster'}`);
          return reports;
        }
        entries.set(key, { reports, fetchedAt: now() });
        return reports;
      })
      .catch((error) => {
        entries.delete(key);
        throw error;
      })
      .finally(() => {
        if (inFlight.get(key) === promise) inFlight.delete(key);
      });
    inFlight.set(key, promise);
    return promise;
  };

  return {
    get(key, collect, { refresh = false } = {}) {
      const entry = entries.get(key);
      if (!refresh && entry && now() - entry.fetchedAt < ttlMs) return Promise.resolve(entry.reports);
      // A refresh does not start a second collection while one is running: that one is fresh already.
      return inFlight.get(key) ?? run(key, collect);
    },
    clear() {
      generation++;
      entries.clear();
      inFlight.clear();
    },
  };
}

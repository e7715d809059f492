import type { Logger } from '../../../../core/server';

/** How often the stored names are read again, by default (other servers sharing the store add names too). */
export const DEFAULT_NAMES_REFRESH_INTERVAL_MS = 5 * 60_000;
/** After a failed first load, how long callers are refused before the next attempt. */
export const DEFAULT_LOAD_RETRY_DELAY_MS = 5_000;

export interface DistinctNameCapOptions {
  /** What the names are, for logs: `ui-metric counters`. */
  description: string;
  /** The config key of `max`, named in the log line. */
  configKey: string;
  /** How many distinct names may exist; past it, new names are dropped. */
  max: number;
  logger: Logger;
  /** Every stored name, a page at a time (see stored_names.ts). */
  listStored: () => AsyncIterable<string[]>;
  /** A background re-read failed (the first load's failure goes to the caller of `ready()` instead). */
  onRefreshError: (error: Error) => void;
  refreshIntervalMs?: number;
  loadRetryDelayMs?: number;
  now?: () => number;
}

/**
 * A cap on how many distinct names (ui-metric counters, application ids) the store may hold, so that one
 * client cannot create objects without bound. Names already stored always pass; a new name passes while
 * fewer than `max` are known, and is dropped (counted, logged once) after.
 *
 * The server must know which names exist: `start()` reads them from the store, page by page (each page is
 * one awaited store call, so the event loop is never held for long; 50,000 names take about ten pages),
 * and `ready()` lets callers wait for that first read. New names are added as they are admitted.
 *
 * Several servers may share one store; each admits new names against its own view, so the cap is
 * approximate across servers: each re-reads the stored names every `refreshIntervalMs` (names it admitted
 * meanwhile are kept), which brings back those the others added. Between two reads, N servers together can
 * pass the cap by at most what N-1 of them admit in that interval; and a counter another server created in
 * it may be taken for a new one (and dropped) by a server already at the cap, until its next read.
 */
export class DistinctNameCap {
  private known = new Set<string>();
  /** Names of the read in progress; admitted names go here too, so the read does not lose them. */
  private reading?: Set<string>;
  private loaded = false;
  private loading?: Promise<void>;
  private lastFailure?: { at: number; error: Error };
  private dropped = 0;
  private warned = false;
  private timer?: NodeJS.Timeout;
  private readonly now: () => number;

  constructor(private readonly options: DistinctNameCapOptions) {
    this.now = options.now ?? (() => Date.now());
  }

  /** Starts the first read of the stored names, and the periodic re-reads. */
  public start() {
    this.ready()?.catch(() => undefined);
    const interval = this.options.refreshIntervalMs ?? DEFAULT_NAMES_REFRESH_INTERVAL_MS;
    this.timer = setInterval(() => {
      if (this.loaded && !this.loading) this.read().catch((error) => this.options.onRefreshError(error));
    }, interval);
    // Never what keeps the process alive.
    this.timer.unref();
  }

  public stop() {
    clearInterval(this.timer);
  }

  /**
   * Undefined once the stored names are known (the common case: no promise to await). Otherwise the first
   * read, which rejects if it failed; after a failure, callers get that failure for `loadRetryDelayMs`
   * before the next caller starts a new read.
   */
  public ready(): Promise<void> | undefined {
    if (this.loaded) return undefined;
    if (this.loading) return this.loading;
    const failure = this.lastFailure;
    const retryDelay = this.options.loadRetryDelayMs ?? DEFAULT_LOAD_RETRY_DELAY_MS;
    if (failure && this.now() - failure.at < retryDelay) return Promise.reject(failure.error);
    return this.read();
  }

  /** Whether `name` may be stored: known, or new with room left. Call once `ready()` is undefined. */
  public admit(name: string): boolean {
    if (this.known.has(name)) return true;
    if (this.known.size >= this.options.max) {
      this.dropped++;
      if (!this.warned) {
        this.warned = true;
        this.options.logger.warn(
          `${this.options.configKey} (${this.options.max}) reached: new ${this.options.description} are dropped from ` +
            'reports (existing ones keep counting, the rest of each report is stored); see usage_collector_stats.ingest'
        );
      }
      return false;
    }
    this.known.add(name);
    this.reading?.add(name);
    return true;
  }

  /** Names dropped since start (each occurrence in a report counts). */
  public get droppedCount() {
    return this.dropped;
  }

  /** Distinct names known now. */
  public get size() {
    return this.known.size;
  }

  private read(): Promise<void> {
    const names = new Set<string>();
    this.reading = names;
    this.loading = (async () => {
      try {
        for await (const page of this.options.listStored()) for (const name of page) names.add(name);
        this.known = names;
        this.loaded = true;
        this.lastFailure = undefined;
      } catch (error) {
        this.lastFailure = { at: this.now(), error: error as Error };
        throw error;
      } finally {
        this.reading = undefined;
        this.loading = undefined;
      }
    })();
    return this.loading;
  }
}

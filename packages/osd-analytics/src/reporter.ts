import { ReportHTTP, ReportRejectedError } from './http';
import { UiStatsMetricType } from './metrics';
import {
  addApplicationUsage,
  addUiStats,
  addUserAgent,
  emptyReport,
  isEmptyReport,
  mergeReports,
  parseStoredReport,
  PendingReport,
  toReport,
} from './report';
import { ReportStorage } from './storage';

export interface ReporterLogger {
  debug(message: string): void;
  warn(message: string): void;
}

export interface ReporterConfig {
  /** Sends a report; `ReportRejectedError` means the server refused it for good. */
  http: ReportHTTP;
  /** Keeps what is not confirmed sent across reloads. Without one, nothing outlives the page. */
  storage?: ReportStorage;
  /**
   * This page's key (default `analytics`). Give each tab its own (`analytics:<tab id>`, the id kept in
   * sessionStorage so that a reload finds it again): tabs then never load, and send, each other's metrics.
   */
  storageKey?: string;
  /**
   * Keys starting with this (default `analytics`) that were not written for `orphanAfterMs` belong to pages
   * that are gone: their metrics are adopted and sent by this page.
   */
  storageKeyPrefix?: string;
  /** Default: 10 min, or more with a long flush interval (a live page rewrites its key at every send). */
  orphanAfterMs?: number;
  /** How often the collected metrics are sent. */
  flushIntervalMs: number;
  /** Longest wait between retries after failed sends (the wait doubles from `flushIntervalMs`). */
  maxRetryIntervalMs?: number;
  /** Storage is written at most once per this many ms (default 1000). */
  storageWriteIntervalMs?: number;
  /** Log each metric at debug level. */
  debug?: boolean;
  logger?: ReporterLogger;
  now?: () => number;
}

export const DEFAULT_STORAGE_KEY = 'analytics';
const DEFAULT_MAX_RETRY_INTERVAL_MS = 5 * 60 * 1000;

interface AppSession {
  appId: string;
  startTime: number;
  clicks: number;
}

/**
 * Collects ui metrics, user agents and application usage into one report, keeps it in storage so that a
 * reload loses nothing, and sends it every `flushIntervalMs` (and on `flush()`).
 *
 * - Storage holds everything not yet confirmed by the server (the report in flight and the pending one),
 *   written at most once per `storageWriteIntervalMs` however many events arrive, and at once when a send
 *   ends (so a reload never resends a confirmed report) and by `persistNow()`.
 * - A send that fails for a 5xx or the network is merged back and retried with a doubling wait; a report
 *   the server refuses (4xx) is dropped with a warning, as resending it would be refused again.
 */
export class Reporter {
  private pending: PendingReport;
  private inFlight?: PendingReport;
  private session?: AppSession;
  private lastAppId?: string;
  private started = false;
  private failures = 0;
  private flushTimer?: ReturnType<typeof setTimeout>;
  private storeTimer?: ReturnType<typeof setTimeout>;
  private readonly storageKey: string;
  private readonly logger: ReporterLogger;
  private readonly now: () => number;

  constructor(private readonly config: ReporterConfig) {
    this.storageKey = config.storageKey ?? DEFAULT_STORAGE_KEY;
    this.logger = config.logger ?? console;
    this.now = config.now ?? Date.now;
    this.pending = this.load();
  }

  private get orphanAfterMs() {
    const { flushIntervalMs, maxRetryIntervalMs = DEFAULT_MAX_RETRY_INTERVAL_MS } = this.config;
    return this.config.orphanAfterMs ?? Math.max(10 * 60 * 1000, 2 * (flushIntervalMs + maxRetryIntervalMs));
  }

  /** Starts sending every `flushIntervalMs`. */
  public start() {
    if (this.started) return;
    this.started = true;
    this.schedule(this.config.flushIntervalMs);
  }

  /** Stops the timers and writes storage; nothing is sent any more. */
  public stop() {
    this.started = false;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.persistNow();
  }

  /** One metric per event name, each counted `count` times. */
  public reportUiStats(appName: string, type: UiStatsMetricType, eventNames: string | string[], count = 1) {
    for (const eventName of Array.isArray(eventNames) ? eventNames : [eventNames]) {
      if (this.config.debug) this.logger.debug(`ui metric: ${appName} ${type} ${eventName} ${count}`);
      addUiStats(this.pending, appName, type, eventName, count);
    }
    this.schedulePersist();
  }

  public reportUserAgent(appName: string, userAgent: string) {
    addUserAgent(this.pending, appName, userAgent);
    this.schedulePersist();
  }

  /**
   * The app on screen changed (`undefined`: none, e.g. the page is hidden). Closes the session of the
   * previous app into the report and opens one for `appId`.
   */
  public reportApplicationUsage(appId?: string) {
    const now = this.now();
    if (this.session) {
      const { appId: previous, startTime, clicks } = this.session;
      const minutes = Math.max(0, now - startTime) / 60000;
      if (minutes > 0 || clicks > 0) {
        addApplicationUsage(this.pending, previous, minutes, clicks);
        this.schedulePersist();
      }
    }
    this.session = appId ? { appId, startTime: now, clicks: 0 } : undefined;
    if (appId) this.lastAppId = appId;
  }

  /** Counts a click for the app on screen. */
  public reportClick() {
    if (this.session) this.session.clicks++;
  }

  /** The page became visible again: reopens a session for the app that was on screen. */
  public resumeApplicationUsage() {
    if (!this.session && this.lastAppId) this.reportApplicationUsage(this.lastAppId);
  }

  /** True while the last send failed (the server or network is down). */
  public isFailing() {
    return this.failures > 0;
  }

  /** Writes everything not yet confirmed to storage now. */
  public persistNow() {
    if (this.storeTimer) clearTimeout(this.storeTimer);
    this.storeTimer = undefined;
    const storage = this.config.storage;
    if (!storage) return;
    const unconfirmed = this.inFlight ? mergeReports(this.inFlight, this.pending) : this.pending;
    try {
      if (isEmptyReport(unconfirmed)) storage.remove(this.storageKey);
      else storage.set(this.storageKey, { ...unconfirmed, savedAt: this.now() });
    } catch (error) {
      this.logger.warn(`Unable to keep ui metrics in storage (they are kept in memory): ${(error as Error).message}`);
    }
  }

  /**
   * The page is going away (`pagehide`). The report in flight was sent with `keepalive` and is taken as
   * delivered. The pending report is sent with `keepalive` too when the server answered the last send;
   * otherwise (server down) it stays in storage for the next page. Either way storage is written at once.
   */
  public leave() {
    this.reportApplicationUsage();
    this.started = false;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.inFlight = undefined;
    if (!this.isFailing() && !isEmptyReport(this.pending)) {
      const report = this.pending;
      this.pending = emptyReport();
      // The page cannot see the outcome: a failure here can only be logged while the page still exists.
      this.config.http(toReport(report)).catch((error) => this.logger.warn(`ui metrics sent while leaving the page failed: ${error.message}`));
    }
    this.persistNow();
  }

  /** Sends the pending report now (unless a send is in flight). Resolves when done; never rejects. */
  public async flush(): Promise<void> {
    if (this.inFlight || isEmptyReport(this.pending)) return;
    const report = this.pending;
    this.inFlight = report;
    this.pending = emptyReport();
    try {
      await this.config.http(toReport(report));
      this.failures = 0;
    } catch (error) {
      if (error instanceof ReportRejectedError) {
        this.failures = 0;
        this.logger.warn(`The server refused a ui metric report, which is dropped: ${error.message}`);
      } else {
        this.failures++;
        this.pending = mergeReports(report, this.pending);
        this.logger.warn(`Unable to send ui metrics (attempt ${this.failures}, kept for a retry): ${(error as Error).message}`);
      }
    } finally {
      this.inFlight = undefined;
      // At once, not throttled: a reload right after a confirmed send must not find it in storage again.
      this.persistNow();
    }
  }

  private async tick() {
    this.flushTimer = undefined;
    await this.flush();
    if (!this.started) return;
    const base = this.config.flushIntervalMs;
    const wait = this.failures > 0 ? Math.min(base * 2 ** this.failures, this.config.maxRetryIntervalMs ?? DEFAULT_MAX_RETRY_INTERVAL_MS) : base;
    this.schedule(Math.max(wait, base));
  }

  private schedule(delayMs: number) {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => void this.tick(), delayMs);
  }

  private schedulePersist() {
    if (!this.config.storage || this.storeTimer) return;
    this.storeTimer = setTimeout(() => this.persistNow(), this.config.storageWriteIntervalMs ?? 1000);
  }

  private load(): PendingReport {
    const storage = this.config.storage;
    if (!storage) return emptyReport();
    try {
      let report = parseStoredReport(storage.get(this.storageKey)) ?? emptyReport();
      const prefix = this.config.storageKeyPrefix ?? DEFAULT_STORAGE_KEY;
      const now = this.now();
      let adopted = false;
      for (const key of storage.keys()) {
        if (key === this.storageKey || !key.startsWith(prefix)) continue;
        const stored = storage.get(key) as (PendingReport & { savedAt?: unknown }) | undefined;
        const savedAt = typeof stored?.savedAt === 'number' ? stored.savedAt : 0;
        if (now - savedAt < this.orphanAfterMs) continue; // another tab, still open
        const orphan = parseStoredReport(stored);
        if (orphan) report = mergeReports(report, orphan);
        storage.remove(key);
        adopted = true;
      }
      if (adopted) {
        this.pending = report;
        this.persistNow();
      }
      return report;
    } catch (error) {
      this.logger.warn(`Unable to read stored ui metrics: ${(error as Error).message}`);
      return emptyReport();
    }
  }
}

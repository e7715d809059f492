import { toFailedSend } from './http';
import { METRIC_TYPE, UiStatsMetricType } from './metrics';
import {
  addApplicationUsage,
  addUiStats,
  addUserAgent,
  emptyReport,
  invalidUiStats,
  isEmptyReport,
  mergeInto,
  mergeReports,
  PendingReport,
  toReport,
} from './report';
import { decideRetry, JITTER_RATIO } from './retry_policy';
import { loadStoredState, toStoredValue } from './stored_report';
import {
  DEFAULT_MAX_KEYS,
  DEFAULT_MAX_RETRY_AFTER_MS,
  DEFAULT_MAX_RETRY_INTERVAL_MS,
  DEFAULT_STORAGE_KEY,
  HEARTBEAT_MS,
  ReporterConfig,
  ReporterLogger,
} from './reporter_config';

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
 * - A failed send is judged by `decideRetry`: kept (merged with what was reported meanwhile) and sent
 *   again no sooner than the server's `Retry-After` or the backoff, also across a reload; or dropped with
 *   a warning when the server refused the report itself.
 */
export class Reporter {
  private pending: PendingReport;
  private inFlight?: PendingReport;
  private session?: AppSession;
  private lastAppId?: string;
  private started = false;
  private failures = 0;
  /** No send before this time (ms; 0: any time). */
  private retryAt = 0;
  private warnedFull = false;
  /** Raised by `leave()`: the outcome of a send started before belongs to the page that left. */
  private generation = 0;
  /** Makes the keys of `keepAfterLeaving` unique (two refusals can come in the same millisecond). */
  private leftWrites = 0;
  private flushTimer?: ReturnType<typeof setTimeout>;
  private storeTimer?: ReturnType<typeof setTimeout>;
  private readonly storageKey: string;
  private readonly logger: ReporterLogger;
  private readonly now: () => number;
  private readonly maxKeys: number;
  private readonly maxRetryIntervalMs: number;
  private readonly maxRetryAfterMs: number;

  constructor(private readonly config: ReporterConfig) {
    this.storageKey = config.storageKey ?? DEFAULT_STORAGE_KEY;
    this.logger = config.logger ?? console;
    this.now = config.now ?? Date.now;
    this.maxKeys = config.maxKeys ?? DEFAULT_MAX_KEYS;
    this.maxRetryIntervalMs = config.maxRetryIntervalMs ?? DEFAULT_MAX_RETRY_INTERVAL_MS;
    this.maxRetryAfterMs = config.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;
    this.pending = emptyReport();
    this.load();
  }

  /** The longest a retry can be put off (the larger cap, with the jitter). */
  private get maxWaitMs() {
    return Math.max(this.maxRetryIntervalMs, this.maxRetryAfterMs, this.config.flushIntervalMs) * (1 + JITTER_RATIO);
  }

  private get orphanAfterMs() {
    // A live page with unsent metrics writes its key at every send and, while it waits, every HEARTBEAT_MS.
    const quiet = this.config.flushIntervalMs + Math.min(this.maxWaitMs, HEARTBEAT_MS);
    return this.config.orphanAfterMs ?? Math.max(10 * 60 * 1000, 2 * quiet);
  }

  /** Starts sending every `flushIntervalMs` (the first send waits for a pending `Retry-After`). */
  public start() {
    if (this.started) return;
    this.started = true;
    this.schedule(this.nextDelay());
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
      const invalid = invalidUiStats(appName, eventName, count);
      if (invalid) this.logger.warn(`ui metric ${appName} ${type} ${eventName} ignored: ${invalid}`);
      else if (!addUiStats(this.pending, appName, type, eventName, count, this.maxKeys)) this.warnFull(1);
    }
    this.schedulePersist();
  }

  public reportUserAgent(appName: string, userAgent: string) {
    // The server checks the app name of a user agent as it does a ui metric's.
    const invalid = invalidUiStats(appName, METRIC_TYPE.USER_AGENT, 1);
    if (invalid) this.logger.warn(`user agent of ${appName} ignored: ${invalid}`);
    else if (!addUserAgent(this.pending, appName, userAgent, this.maxKeys)) this.warnFull(1);
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
        if (!addApplicationUsage(this.pending, previous, minutes, clicks, this.maxKeys)) this.warnFull(1);
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

  /** True while the last send failed or the server asked to wait (the server or network is away). */
  public isFailing() {
    return this.failures > 0 || this.now() < this.retryAt;
  }

  /** Writes everything not yet confirmed to storage now. */
  public persistNow() {
    if (this.storeTimer) clearTimeout(this.storeTimer);
    this.storeTimer = undefined;
    const storage = this.config.storage;
    if (!storage) return;
    const unconfirmed = this.inFlight ? mergeReports(this.inFlight, this.pending, this.maxKeys) : this.pending;
    try {
      if (isEmptyReport(unconfirmed)) storage.remove(this.storageKey);
      else storage.set(this.storageKey, toStoredValue({ report: unconfirmed, retryAt: this.retryAt, failures: this.failures }, this.now()));
    } catch (error) {
      this.logger.warn(`Unable to keep ui metrics in storage (they are kept in memory): ${(error as Error).message}`);
    }
  }

  /**
   * The page is going away (`pagehide`). The report in flight was sent with `keepalive` and is taken as
   * delivered. The pending report is sent with `keepalive` too when the server answered the last send and
   * asked for no wait; otherwise it stays in storage for the next page (which also honours the wait).
   * Either way storage is written at once. See `keepAfterLeaving` for a refusal that still arrives.
   */
  public leave() {
    this.reportApplicationUsage();
    this.started = false;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.inFlight = undefined;
    this.generation++;
    if (!this.isFailing() && !isEmptyReport(this.pending)) {
      const report = this.pending;
      this.pending = emptyReport();
      this.config.http(toReport(report)).catch((error) => this.keepAfterLeaving(report, error));
    }
    this.persistNow();
  }

  /**
   * A send taken as delivered by `leave()` failed while the page still runs. An answer of the server that
   * says it was not stored (429, 503…) proves it lost: it is written under a key of its own, marked old, so
   * the next page adopts it. A rejection without an answer (the navigation cancelled the request) proves
   * nothing, as the keepalive request may well have arrived: it stays taken as delivered, never counted twice.
   */
  private keepAfterLeaving(report: PendingReport, error: unknown) {
    const failure = toFailedSend(error);
    const message = error instanceof Error ? error.message : String(error);
    const now = this.now();
    const decision = decideRetry({ ...failure, failures: this.failures + 1, now, ...this.retryLimits() });
    if (failure.status === undefined || !decision.retry || !this.config.storage) {
      this.logger.warn(`ui metrics sent while leaving the page may be lost: ${message}`);
      return;
    }
    try {
      const state = { report, retryAt: now + decision.delayMs, failures: this.failures + 1 };
      this.config.storage.set(`${this.storageKey}:left:${now}:${++this.leftWrites}`, toStoredValue(state, 0));
    } catch (error) {
      this.logger.warn(`ui metrics sent while leaving the page are lost: ${(error as Error).message}`);
    }
  }

  /**
   * Sends the pending report now, unless a send is in flight or the server asked to wait (`Retry-After`,
   * backoff). Resolves when done; never rejects.
   */
  public async flush(): Promise<void> {
    if (this.inFlight || isEmptyReport(this.pending) || this.now() < this.retryAt) return;
    const report = this.pending;
    this.inFlight = report;
    this.pending = emptyReport();
    const generation = this.generation;
    try {
      await this.config.http(toReport(report));
      if (generation !== this.generation) return; // left meanwhile: it was taken as delivered
      this.failures = 0;
      this.retryAt = 0;
      this.warnedFull = false;
    } catch (error) {
      if (generation !== this.generation) this.keepAfterLeaving(report, error);
      else this.failed(report, error);
    } finally {
      if (generation === this.generation) {
        this.inFlight = undefined;
        // At once, not throttled: a reload right after a confirmed send must not find it in storage again.
        this.persistNow();
      }
    }
  }

  private failed(report: PendingReport, error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    const decision = decideRetry({ ...toFailedSend(error), failures: this.failures + 1, now: this.now(), ...this.retryLimits() });
    if (!decision.retry) {
      this.failures = 0;
      this.retryAt = 0;
      this.logger.warn(`The server refused a ui metric report, which is dropped: ${message}`);
      return;
    }
    this.failures++;
    this.retryAt = this.now() + decision.delayMs;
    // The failed report is older than what was reported meanwhile: it goes first, so it is kept whole.
    const kept = emptyReport();
    mergeInto(kept, report, this.maxKeys);
    const lost = mergeInto(kept, this.pending, this.maxKeys);
    this.pending = kept;
    if (lost > 0) this.warnFull(lost);
    const wait = `${Math.round(decision.delayMs / 1000)} s${decision.source === 'retry-after' ? ' (Retry-After)' : ''}`;
    this.logger.warn(`Unable to send ui metrics (attempt ${this.failures}, kept, next try in ${wait}): ${message}`);
  }

  /** The inputs of `decideRetry` that do not depend on the failure. */
  private retryLimits() {
    return {
      intervalMs: this.config.flushIntervalMs,
      maxBackoffMs: this.maxRetryIntervalMs,
      maxRetryAfterMs: this.maxRetryAfterMs,
      random: (this.config.random ?? Math.random)(),
    };
  }

  /** Until the next tick: the normal interval, or what is left of a wait (in heartbeats when long). */
  private nextDelay() {
    const wait = this.retryAt - this.now();
    return wait > 0 ? Math.min(wait, HEARTBEAT_MS) : this.config.flushIntervalMs;
  }

  private async tick() {
    this.flushTimer = undefined;
    // Still waiting: rewriting the key tells other tabs this page is alive (see `orphanAfterMs`).
    if (this.now() < this.retryAt) this.persistNow();
    else await this.flush();
    if (this.started) this.schedule(this.nextDelay());
  }

  private schedule(delayMs: number) {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => void this.tick(), delayMs);
  }

  private schedulePersist() {
    if (!this.config.storage || this.storeTimer) return;
    this.storeTimer = setTimeout(() => this.persistNow(), this.config.storageWriteIntervalMs ?? 1000);
  }

  /** Once until the next successful send: a page can hit the cap with every event. */
  private warnFull(dropped: number) {
    if (this.warnedFull) return;
    this.warnedFull = true;
    this.logger.warn(`${dropped} ui metric(s) dropped: ${this.maxKeys} distinct metrics are already waiting to be sent`);
  }

  private load() {
    const storage = this.config.storage;
    if (!storage) return;
    try {
      const { state, adopted } = loadStoredState(storage, {
        storageKey: this.storageKey,
        prefix: this.config.storageKeyPrefix ?? DEFAULT_STORAGE_KEY,
        orphanAfterMs: this.orphanAfterMs,
        now: this.now(),
        maxKeys: this.maxKeys,
        maxWaitMs: this.maxWaitMs,
      });
      this.pending = state.report;
      this.retryAt = state.retryAt;
      this.failures = state.failures;
      if (adopted) this.persistNow();
    } catch (error) {
      this.logger.warn(`Unable to read stored ui metrics: ${(error as Error).message}`);
    }
  }
}

import { formatDuration } from '../../common/format_duration';
import { createRetryPolicy, type FailureRecord, type RetryPolicy } from '../../common/retry_policy';
import { buildReportRequest, encodeReport } from '../../common/sender';
import type { BrowserSender } from './sender_selection';
import { errorMessage, type TelemetryService } from './telemetry_service';

/** Where the tabs of one browser share the time of the last report and the failures since. */
export const LOCAL_STORAGE_KEY = 'telemetry.data';
/** Longest wait between two checks, so a long `reportInterval` still notices an opt-in made elsewhere. */
const MAX_CHECK_MS = 60000;
/** Shortest wait between two checks. */
const MIN_CHECK_MS = 1000;

/** What is kept in localStorage (`telemetry.data`). */
export interface TelemetrySenderData {
  /** When a tab of this browser last sent a report (epoch ms, as text like upstream's). */
  lastReport?: string;
  /** When a tab last started a send: a claim, so two tabs due at once do not both send. */
  lastAttempt?: string;
  /** Failed sends in a row by the tabs of this browser (cleared by a success or an opt-in change). */
  failures?: number;
  /** When the last failed send started (epoch ms, as text). */
  lastFailure?: string;
}

/** The failures on record in the shared data, for the shared retry rule. Pure. */
export function toFailureRecord(data: TelemetrySenderData): FailureRecord {
  const failures = typeof data.failures === 'number' && Number.isFinite(data.failures) ? data.failures : 0;
  const lastFailure = Number(data.lastFailure);
  return { failures, lastFailureAt: data.lastFailure !== undefined && Number.isFinite(lastFailure) ? lastFailure : undefined };
}

/**
 * Clears the failures the tabs of this browser share (an opt-in change). Works without a sender, so an
 * opt-out, when the null sender is in use, clears them too.
 */
export function clearSharedFailures(storage: Pick<Storage, 'getItem' | 'setItem'>) {
  let data: TelemetrySenderData;
  try {
    data = JSON.parse(storage.getItem(LOCAL_STORAGE_KEY) ?? '{}') ?? {};
  } catch {
    return;
  }
  if (!data || typeof data !== 'object') return;
  const { failures, lastFailure, ...rest } = data;
  if (failures !== undefined || lastFailure !== undefined) storage.setItem(LOCAL_STORAGE_KEY, JSON.stringify(rest));
}

export interface TelemetrySenderOptions {
  telemetryService: Pick<TelemetryService, 'getIsOptedIn' | 'getSendUsageFrom' | 'fetchTelemetry' | 'getTelemetryUrl'>;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  fetch: typeof fetch;
  reportIntervalMs: number;
  initialCheckDelayMs: number;
  /** First retry delay; doubled for each further failure. */
  retryDelayMs: number;
  /** The pause after 3 failures in a row (`common/retry_policy.ts`). */
  failurePauseMs: number;
  /** The retry rule shared with the server sender; `createRetryPolicy` of the two timings above when not given. */
  retryPolicy?: RetryPolicy;
  /** Header `osd-version`. */
  version: string;
  now?: () => number;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (handle: any) => void;
}

/**
 * Whether a report is due, from the shared data (pure). Due when opted in, the browser is the sender, and
 * no tab reported within `reportIntervalMs` nor claimed a send within `claimMs`.
 */
export function isReportDue(data: TelemetrySenderData, { now, reportIntervalMs, claimMs }: { now: number; reportIntervalMs: number; claimMs: number }) {
  const lastReport = Number(data.lastReport);
  if (Number.isFinite(lastReport) && lastReport <= now && now - lastReport < reportIntervalMs) return false;
  const lastAttempt = Number(data.lastAttempt);
  return !(Number.isFinite(lastAttempt) && lastAttempt <= now && now - lastAttempt < claimMs);
}

/**
 * The browser sender (`telemetry.sendUsageFrom: browser`): one report per `reportInterval` for all the
 * tabs of a browser (the last report time is kept in localStorage), only while opted in. After failed
 * sends it follows the rule the server sender follows (`getRetryVerdict`): `retryDelay`, doubled, then a
 * pause of `failurePause` after 3 failures, then another try. The failures are shared by the tabs; a page
 * load lifts a pause recorded before it (as a restart does on the server), an opt-in change clears them.
 */
export class TelemetrySender implements BrowserSender {
  private timer: unknown;
  private sending = false;
  private stopped = true;
  private readonly opts: Required<Omit<TelemetrySenderOptions, 'now' | 'setTimeout' | 'clearTimeout' | 'retryPolicy'>> & {
    now: () => number;
    setTimeout: (fn: () => void, ms: number) => unknown;
    clearTimeout: (handle: any) => void;
  };

  /** When this page started: a pause recorded before it is not honoured. */
  private readonly startedAt: number;
  private readonly retryPolicy: RetryPolicy;

  constructor(options: TelemetrySenderOptions) {
    this.opts = {
      now: Date.now,
      setTimeout: (fn, ms) => window.setTimeout(fn, ms),
      clearTimeout: (handle) => window.clearTimeout(handle),
      ...options,
    };
    this.startedAt = this.opts.now();
    this.retryPolicy = options.retryPolicy ?? createRetryPolicy({ retryDelayMs: options.retryDelayMs, failurePauseMs: options.failurePauseMs });
  }

  /** Starts checking (idempotent): the first check after `initialCheckDelay`. */
  public start() {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(this.opts.initialCheckDelayMs);
  }

  public stop() {
    this.stopped = true;
    if (this.timer !== undefined) this.opts.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Checks now (e.g. right after an opt-in), then keeps the schedule. */
  public checkSoon(delayMs = 0) {
    if (this.stopped) return;
    this.schedule(delayMs);
  }

  private schedule(delayMs: number) {
    if (this.timer !== undefined) this.opts.clearTimeout(this.timer);
    this.timer = this.opts.setTimeout(() => {
      this.timer = undefined;
      void this.sendIfDue().then((next) => {
        if (!this.stopped && this.timer === undefined) this.schedule(next);
      });
    }, delayMs);
  }

  private read(): TelemetrySenderData {
    try {
      const parsed = JSON.parse(this.opts.storage.getItem(LOCAL_STORAGE_KEY) ?? '{}');
      return parsed && typeof parsed === 'object' ? parsed : {};
    } catch {
      return {};
    }
  }

  private write(data: TelemetrySenderData) {
    this.opts.storage.setItem(LOCAL_STORAGE_KEY, JSON.stringify(data));
  }

  /** Clears the failures of every tab (an opt-in change): the next due check tries at once. */
  public resetFailures() {
    clearSharedFailures(this.opts.storage);
  }

  private verdict(data: TelemetrySenderData) {
    return this.retryPolicy.verdict(toFailureRecord(data), { now: this.opts.now(), startedAt: this.startedAt });
  }

  /** Whether this tab should send now. */
  public shouldSendReport(): boolean {
    const { telemetryService, reportIntervalMs, now } = this.opts;
    if (telemetryService.getIsOptedIn() !== true || telemetryService.getSendUsageFrom() !== 'browser') return false;
    const data = this.read();
    if (!this.verdict(data).mayTry) return false;
    return isReportDue(data, { now: now(), reportIntervalMs, claimMs: this.claimMs() });
  }

  // A claim outlives one try (report building plus the POST), so a tab that died mid-send blocks others only briefly.
  private claimMs() {
    return Math.min(this.opts.reportIntervalMs, 60000);
  }

  /** The next check: at the end of a backoff or pause when sooner than the regular check. */
  private nextCheckMs(): number {
    const regular = Math.max(MIN_CHECK_MS, Math.min(MAX_CHECK_MS, this.opts.reportIntervalMs));
    const verdict = this.verdict(this.read());
    if (verdict.mayTry) return regular;
    return Math.max(MIN_CHECK_MS, Math.min(regular, verdict.untilMs - this.opts.now()));
  }

  /** Sends when due; resolves with the delay until the next check. Never rejects. */
  public async sendIfDue(): Promise<number> {
    const { now } = this.opts;
    if (this.sending || !this.shouldSendReport()) return this.nextCheckMs();
    this.sending = true;
    const data = this.read();
    const attemptAt = now();
    this.write({ ...data, lastAttempt: String(attemptAt) });
    try {
      await this.send();
      this.write({ lastReport: String(now()) });
    } catch (error) {
      // Read again: another tab may have recorded a failure meanwhile. The claim is released so that
      // another tab (or this one, after the wait) may try.
      const failures = toFailureRecord(this.read()).failures + 1;
      this.write({ ...data, lastAttempt: undefined, failures, lastFailure: String(attemptAt) });
      const outlook = this.retryPolicy.afterFailure(failures);
      const waitFor = formatDuration(outlook.waitMs);
      const next = outlook.paused ? `sending pauses for ${waitFor}` : `next try in ${waitFor}`;
      console.warn(`Telemetry: sending the usage report failed (failure ${failures} in a row; ${next}): ${errorMessage(error)}`);
    } finally {
      this.sending = false;
    }
    return this.nextCheckMs();
  }

  private async send() {
    const { telemetryService, fetch: fetchFn, version } = this.opts;
    const clusters = await telemetryService.fetchTelemetry({ unencrypted: false });
    const url = telemetryService.getTelemetryUrl().toString();
    for (const cluster of clusters) {
      // The server sender's builder: the same headers and body encoding (common/sender).
      const { body, headers } = buildReportRequest(encodeReport(cluster), { url, version, side: 'browser' });
      const response = await fetchFn(url, { method: 'POST', headers, body });
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    }
  }
}

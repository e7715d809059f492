import { ENDPOINT_VERSION } from '../../common/constants';
import { errorMessage, type TelemetryService } from './telemetry_service';

/** Where the tabs of one browser share the time of the last report. */
export const LOCAL_STORAGE_KEY = 'telemetry.data';
/** Failed sends in a row after which this tab stops trying until it is reloaded. */
export const MAX_BROWSER_ATTEMPTS = 3;
/** Longest wait between two checks, so a long `reportInterval` still notices an opt-in made elsewhere. */
const MAX_CHECK_MS = 60000;

/** What is kept in localStorage (`telemetry.data`). */
export interface TelemetrySenderData {
  /** When a tab of this browser last sent a report (epoch ms, as text like upstream's). */
  lastReport?: string;
  /** When a tab last started a send: a claim, so two tabs due at once do not both send. */
  lastAttempt?: string;
}

export interface TelemetrySenderOptions {
  telemetryService: Pick<TelemetryService, 'getIsOptedIn' | 'getSendUsageFrom' | 'fetchTelemetry' | 'getTelemetryUrl'>;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  fetch: typeof fetch;
  reportIntervalMs: number;
  initialCheckDelayMs: number;
  /** First retry delay; doubled for each further failure. */
  retryDelayMs: number;
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
 * tabs of a browser (the last report time is kept in localStorage), only while opted in; a failed send is
 * retried after `retryDelay`, doubled each time, at most {@link MAX_BROWSER_ATTEMPTS} tries.
 */
export class TelemetrySender {
  private timer: unknown;
  private sending = false;
  private failures = 0;
  private stopped = true;
  private readonly opts: Required<Omit<TelemetrySenderOptions, 'now' | 'setTimeout' | 'clearTimeout'>> & {
    now: () => number;
    setTimeout: (fn: () => void, ms: number) => unknown;
    clearTimeout: (handle: any) => void;
  };

  constructor(options: TelemetrySenderOptions) {
    this.opts = {
      now: Date.now,
      setTimeout: (fn, ms) => window.setTimeout(fn, ms),
      clearTimeout: (handle) => window.clearTimeout(handle),
      ...options,
    };
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

  /** Whether this tab should send now. */
  public shouldSendReport(): boolean {
    const { telemetryService, reportIntervalMs, now } = this.opts;
    if (telemetryService.getIsOptedIn() !== true || telemetryService.getSendUsageFrom() !== 'browser') return false;
    if (this.failures >= MAX_BROWSER_ATTEMPTS) return false;
    return isReportDue(this.read(), { now: now(), reportIntervalMs, claimMs: this.claimMs() });
  }

  // A claim outlives one try (report building plus the POST), so a tab that died mid-send blocks others only briefly.
  private claimMs() {
    return Math.min(this.opts.reportIntervalMs, 60000);
  }

  /** Sends when due; resolves with the delay until the next check. Never rejects. */
  public async sendIfDue(): Promise<number> {
    const { reportIntervalMs, retryDelayMs, now } = this.opts;
    const nextCheck = Math.max(1000, Math.min(MAX_CHECK_MS, reportIntervalMs));
    if (this.sending || !this.shouldSendReport()) return nextCheck;
    this.sending = true;
    const data = this.read();
    this.write({ ...data, lastAttempt: String(now()) });
    try {
      await this.send();
      this.failures = 0;
      this.write({ lastReport: String(now()) });
      return nextCheck;
    } catch (error) {
      this.failures += 1;
      // The claim is released so that another tab (or this one, after the backoff) may try.
      this.write({ ...data, lastAttempt: undefined });
      console.warn(`Telemetry: sending the usage report failed (try ${this.failures} of ${MAX_BROWSER_ATTEMPTS}): ${errorMessage(error)}`);
      return retryDelayMs * 2 ** (this.failures - 1);
    } finally {
      this.sending = false;
    }
  }

  private async send() {
    const { telemetryService, fetch: fetchFn, version } = this.opts;
    const clusters = await telemetryService.fetchTelemetry({ unencrypted: false });
    const url = telemetryService.getTelemetryUrl().toString();
    for (const cluster of clusters) {
      const encrypted = typeof cluster === 'string';
      const response = await fetchFn(url, {
        method: 'POST',
        headers: {
          'Content-Type': encrypted ? 'application/jose' : 'application/json',
          'osd-version': version,
          'osd-telemetry-version': ENDPOINT_VERSION,
          'osd-telemetry-channel': 'snapshot',
        },
        body: encrypted ? cluster : JSON.stringify(cluster),
      });
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    }
  }
}

import { createRetryPolicy, type RetryPolicy, type RetryTimings } from '../../common/retry_policy';
import { getTelemetryFailureDetails, type TelemetryOptIn, type TelemetrySavedObject, type TelemetrySendUsageFrom } from '../../common/telemetry_config';

/** The sender never looks at the shared state more often than this. */
export const MIN_CHECK_DELAY_MS = 1000;
/** Longest delay a Node timer accepts. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface SenderTimings extends RetryTimings {
  reportIntervalMs: number;
  checkIntervalMs: number;
  /** Limit of one request: a try in flight is given at least twice this before another server takes over. */
  requestTimeoutMs: number;
}

export interface SendDecisionInput {
  now: number;
  optIn: TelemetryOptIn;
  sendUsageFrom: TelemetrySendUsageFrom;
  telemetrySavedObject: TelemetrySavedObject;
  currentVersion: string;
  timings: SenderTimings;
  /** Extra delay after the report interval (see `getJitterMs`). */
  jitterMs: number;
  /** When this server process started: a failure pause recorded before it is not honoured (`getRetryVerdict`). */
  startedAt: number;
  /** The shared retry rule built from `timings` (`createRetryPolicy`); built here when not given (tests). */
  retryPolicy?: RetryPolicy;
}

export type WaitReason = 'not_opted_in' | 'sent_by_browser' | 'paused' | 'not_due' | 'retry_backoff' | 'attempt_in_progress';

export type SendDecision = { send: true } | { send: false; reason: WaitReason; nextCheckInMs: number };

/** An epoch-ms value from a saved attribute (a number, or a date string), if it is a usable past time. Pure. */
export function toPastEpochMs(value: unknown, now: number): number | undefined {
  const ms = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : NaN;
  // A time in the future (a clock set back, a hand-edited object) would postpone reports indefinitely.
  return Number.isFinite(ms) && ms <= now ? ms : undefined;
}

/** The largest jitter for an interval: 5% of it, at most one hour. Pure. */
export function getMaxJitterMs(reportIntervalMs: number): number {
  return Math.min(Math.floor(reportIntervalMs * 0.05), 3600000);
}

/**
 * A jitter in `[0, maxMs)` that is the same for a given seed (server uuid and last report), so that every
 * check of one server agrees on the due time while different deployments spread their reports. Pure.
 */
export function getJitterMs(seed: string, maxMs: number): number {
  if (maxMs <= 0) return 0;
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % maxMs;
}

/** Failed sends in a row that count now: failures on an earlier version are forgotten after an upgrade. Pure. */
export function getActiveFailureCount(telemetrySavedObject: TelemetrySavedObject, currentVersion: string): number {
  const { failureCount, failureVersion } = getTelemetryFailureDetails({ telemetrySavedObject });
  return failureVersion === currentVersion ? failureCount : 0;
}

const wait = (reason: WaitReason, ms: number, { checkIntervalMs }: SenderTimings): SendDecision => ({
  send: false,
  reason,
  nextCheckInMs: Math.min(Math.max(MIN_CHECK_DELAY_MS, Math.min(ms, checkIntervalMs)), MAX_TIMER_MS),
});

/**
 * Whether the server should send a report now, and if not, when to look again. Pure. In order:
 * - only an opted-in deployment whose server sends reports ever sends;
 * - a report is due `reportInterval` (plus jitter) after the last successful one;
 * - after failed tries (on this version) the shared rule of `common/retry_policy.ts` decides: `retryDelay`,
 *   doubled per failure, then after 3 failures a pause of `failurePause` (not honoured when recorded before
 *   this server started), then another try; it never stops for good;
 * - a try that started and never ended (in flight on another server, or interrupted) holds the report for
 *   `retryDelay` (at least twice the request timeout); a try after a lifted pause waits out at least twice
 *   the request timeout too, so that it never overlaps one in flight.
 */
export function decideSend(input: SendDecisionInput): SendDecision {
  const { now, optIn, sendUsageFrom, telemetrySavedObject, currentVersion, timings, jitterMs, startedAt } = input;
  if (optIn !== true) return wait('not_opted_in', timings.checkIntervalMs, timings);
  if (sendUsageFrom !== 'server') return wait('sent_by_browser', timings.checkIntervalMs, timings);

  const failures = getActiveFailureCount(telemetrySavedObject, currentVersion);
  const attributes = telemetrySavedObject || {};
  const lastReported = toPastEpochMs(attributes.lastReported, now);
  if (lastReported !== undefined) {
    const dueAt = lastReported + timings.reportIntervalMs + jitterMs;
    if (now < dueAt) return wait('not_due', dueAt - now, timings);
  }

  const lastAttempt = toPastEpochMs(attributes.lastReportAttempt, now);
  if (lastAttempt === undefined || (lastReported !== undefined && lastAttempt <= lastReported)) return { send: true };
  let holdMs = Math.max(timings.retryDelayMs, 2 * timings.requestTimeoutMs);
  if (failures > 0) {
    // The claim of a try is its start: the failure record's time is the last attempt.
    const policy = input.retryPolicy ?? createRetryPolicy(timings);
    const verdict = policy.verdict({ failures, lastFailureAt: lastAttempt }, { now, startedAt });
    if (!verdict.mayTry) return wait(verdict.reason, verdict.untilMs - now, timings);
    if (!verdict.pauseLifted) return { send: true };
    holdMs = 2 * timings.requestTimeoutMs;
  }
  if (now < lastAttempt + holdMs) return wait('attempt_in_progress', lastAttempt + holdMs - now, timings);
  return { send: true };
}

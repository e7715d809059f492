/*
 * What a sender does after failed sends: the one rule the server sender (`server/fetcher`) and the browser
 * sender (`public/services/telemetry_sender.ts`) both ask. Neither keeps its own copy.
 */
import { MAX_REPORT_FAILURES } from './constants';

export interface RetryTimings {
  /** Wait after the first failure; doubled for each further one until {@link MAX_REPORT_FAILURES}. */
  retryDelayMs: number;
  /** Wait after the {@link MAX_REPORT_FAILURES}th failure in a row, and after each later one. */
  failurePauseMs: number;
}

/** The failures a sender has on record. */
export interface FailureRecord {
  /** Failed sends in a row (0 after a success, an opt-in change, or for the server an upgrade). */
  failures: number;
  /** When the last failed try started (epoch ms); undefined when unknown. */
  lastFailureAt?: number;
}

export interface RetryContext {
  now: number;
  /**
   * When this process (server) or page (browser) started. A pause recorded before it is not honoured: a
   * restart is how an operator who fixed the receiver (or the firewall) gets reports going again at once.
   * The failure count itself is kept, so the try after a restart that fails again pauses again.
   */
  startedAt: number;
  timings: RetryTimings;
}

export type RetryVerdict =
  | {
      mayTry: true;
      /** True when a pause was on record but recorded before this process started (lifted by the restart). */
      pauseLifted: boolean;
    }
  | {
      mayTry: false;
      /** `retry_backoff` between the first failures, `paused` after {@link MAX_REPORT_FAILURES} of them. */
      reason: 'retry_backoff' | 'paused';
      /** Epoch ms from which the next try may happen. */
      untilMs: number;
    };

/** The wait after `failures` failures in a row, before the restart rule. Pure. */
export function getFailureHoldMs(failures: number, { retryDelayMs, failurePauseMs }: RetryTimings): number {
  if (failures <= 0) return 0;
  if (failures >= MAX_REPORT_FAILURES) return failurePauseMs;
  return retryDelayMs * 2 ** (failures - 1);
}

/**
 * Whether a sender may try to send now, given its failures. Pure. Never says "never": after
 * {@link MAX_REPORT_FAILURES} failures in a row it pauses for `failurePause`, then tries again (and pauses
 * again if that try fails too). A time in the future (a clock set back) is treated as unknown, so it cannot
 * hold sending for longer than a pause.
 */
export function getRetryVerdict(record: FailureRecord, { now, startedAt, timings }: RetryContext): RetryVerdict {
  const { failures, lastFailureAt } = record;
  if (!(failures > 0) || lastFailureAt === undefined || !Number.isFinite(lastFailureAt) || lastFailureAt > now) {
    return { mayTry: true, pauseLifted: false };
  }
  const paused = failures >= MAX_REPORT_FAILURES;
  if (paused && lastFailureAt < startedAt) return { mayTry: true, pauseLifted: true };
  const untilMs = lastFailureAt + getFailureHoldMs(failures, timings);
  if (now >= untilMs) return { mayTry: true, pauseLifted: false };
  return { mayTry: false, reason: paused ? 'paused' : 'retry_backoff', untilMs };
}

/** What the next wait is after a failure, for the sender's log line. */
export interface FailureOutlook {
  /** Failed sends in a row, this one included. */
  failures: number;
  /** True from {@link MAX_REPORT_FAILURES} failures on: sending pauses for `failurePause`. */
  paused: boolean;
  /** The wait before the next try, counted from the start of the failed one. */
  waitMs: number;
}

/**
 * The retry, backoff and cap rule as one object, built once from the configured timings and handed to the
 * sender in use (server or browser): both ask it, neither computes a wait of its own.
 */
export interface RetryPolicy {
  readonly timings: Readonly<RetryTimings>;
  /** Failures in a row after which sending pauses ({@link MAX_REPORT_FAILURES}). */
  readonly maxFailures: number;
  /** {@link getRetryVerdict} for this policy's timings. */
  verdict(record: FailureRecord, at: Omit<RetryContext, 'timings'>): RetryVerdict;
  /** {@link getFailureHoldMs} for this policy's timings. */
  holdMs(failures: number): number;
  /** What follows the `failures`th failure in a row. */
  afterFailure(failures: number): FailureOutlook;
}

/** The policy for `timings`; refuses timings that would make a sender spin or never retry. */
export function createRetryPolicy(timings: RetryTimings): RetryPolicy {
  const { retryDelayMs, failurePauseMs } = timings;
  for (const [name, value] of Object.entries({ retryDelayMs, failurePauseMs })) {
    if (!Number.isFinite(value) || value <= 0) throw new Error(`createRetryPolicy: ${name} must be a positive number of milliseconds, got ${value}`);
  }
  const frozen = Object.freeze({ retryDelayMs, failurePauseMs });
  return Object.freeze({
    timings: frozen,
    maxFailures: MAX_REPORT_FAILURES,
    verdict: (record: FailureRecord, at: Omit<RetryContext, 'timings'>) => getRetryVerdict(record, { ...at, timings: frozen }),
    holdMs: (failures: number) => getFailureHoldMs(failures, frozen),
    afterFailure: (failures: number) => ({ failures, paused: failures >= MAX_REPORT_FAILURES, waitMs: getFailureHoldMs(failures, frozen) }),
  });
}

import { MAX_REPORT_FAILURES } from './constants';
import { createRetryPolicy, getFailureHoldMs, getRetryVerdict, type RetryContext } from './retry_policy';

const HOUR = 3600000;
const timings = { retryDelayMs: HOUR, failurePauseMs: 24 * HOUR };
const startedAt = 1000 * HOUR;
const context = (now: number): RetryContext => ({ now, startedAt, timings });

describe('getFailureHoldMs', () => {
  it('doubles the retry delay between the first failures, then pauses for failurePause', () => {
    expect([0, 1, 2, 3, 4, 10].map((n) => getFailureHoldMs(n, timings))).toEqual([0, HOUR, 2 * HOUR, 24 * HOUR, 24 * HOUR, 24 * HOUR]);
    expect(MAX_REPORT_FAILURES).toBe(3);
  });
});

describe('getRetryVerdict', () => {
  const at = startedAt + 10 * HOUR;

  it('lets a sender with no failures (or no usable time) try', () => {
    expect(getRetryVerdict({ failures: 0, lastFailureAt: at }, context(at))).toEqual({ mayTry: true, pauseLifted: false });
    expect(getRetryVerdict({ failures: 2 }, context(at))).toEqual({ mayTry: true, pauseLifted: false });
    expect(getRetryVerdict({ failures: 2, lastFailureAt: NaN }, context(at))).toEqual({ mayTry: true, pauseLifted: false });
  });

  it('backs off retryDelay, then twice that', () => {
    expect(getRetryVerdict({ failures: 1, lastFailureAt: at }, context(at + HOUR - 1))).toEqual({ mayTry: false, reason: 'retry_backoff', untilMs: at + HOUR });
    expect(getRetryVerdict({ failures: 1, lastFailureAt: at }, context(at + HOUR))).toEqual({ mayTry: true, pauseLifted: false });
    expect(getRetryVerdict({ failures: 2, lastFailureAt: at }, context(at + HOUR))).toEqual({ mayTry: false, reason: 'retry_backoff', untilMs: at + 2 * HOUR });
    expect(getRetryVerdict({ failures: 2, lastFailureAt: at }, context(at + 2 * HOUR)).mayTry).toBe(true);
  });

  it('pauses for failurePause after 3 failures, then tries again (never for good)', () => {
    for (const failures of [3, 4, 50]) {
      expect(getRetryVerdict({ failures, lastFailureAt: at }, context(at + 24 * HOUR - 1))).toEqual({ mayTry: false, reason: 'paused', untilMs: at + 24 * HOUR });
      expect(getRetryVerdict({ failures, lastFailureAt: at }, context(at + 24 * HOUR))).toEqual({ mayTry: true, pauseLifted: false });
    }
  });

  it('does not honour a pause recorded before this process started, but keeps the backoff', () => {
    const before = startedAt - 1;
    expect(getRetryVerdict({ failures: 3, lastFailureAt: before }, context(startedAt + 1000))).toEqual({ mayTry: true, pauseLifted: true });
    expect(getRetryVerdict({ failures: 2, lastFailureAt: before }, context(startedAt + 1000))).toMatchObject({ mayTry: false, reason: 'retry_backoff' });
    // A failure of this process (the try after the restart) pauses again.
    expect(getRetryVerdict({ failures: 4, lastFailureAt: startedAt + 1000 }, context(startedAt + 2000))).toMatchObject({ mayTry: false, reason: 'paused' });
  });

  it('treats a failure time in the future (a clock set back) as unknown', () => {
    expect(getRetryVerdict({ failures: 3, lastFailureAt: at + HOUR }, context(at))).toEqual({ mayTry: true, pauseLifted: false });
  });
});

describe('createRetryPolicy', () => {
  const policy = createRetryPolicy(timings);

  it('answers as the pure functions do, for its own timings', () => {
    const at = startedAt + 10 * HOUR;
    for (const failures of [0, 1, 2, 3, 5]) {
      expect(policy.holdMs(failures)).toBe(getFailureHoldMs(failures, timings));
      for (const lastFailureAt of [at - 30 * HOUR, at - HOUR, at - 1, startedAt - 1]) {
        expect(policy.verdict({ failures, lastFailureAt }, { now: at, startedAt })).toEqual(getRetryVerdict({ failures, lastFailureAt }, context(at)));
      }
    }
  });

  it('tells what follows a failure: backoff, then the capped pause', () => {
    expect([1, 2, 3, 4].map((n) => policy.afterFailure(n))).toEqual([
      { failures: 1, paused: false, waitMs: HOUR },
      { failures: 2, paused: false, waitMs: 2 * HOUR },
      { failures: 3, paused: true, waitMs: 24 * HOUR },
      { failures: 4, paused: true, waitMs: 24 * HOUR },
    ]);
    expect(policy.maxFailures).toBe(MAX_REPORT_FAILURES);
  });

  it('is immutable and refuses timings that would spin or never retry', () => {
    expect(Object.isFrozen(policy) && Object.isFrozen(policy.timings)).toBe(true);
    expect(() => createRetryPolicy({ retryDelayMs: 0, failurePauseMs: HOUR })).toThrow('createRetryPolicy: retryDelayMs must be a positive number of milliseconds, got 0');
    expect(() => createRetryPolicy({ retryDelayMs: HOUR, failurePauseMs: NaN })).toThrow('failurePauseMs must be a positive number');
  });
});

import { decideSend, getJitterMs, getMaxJitterMs, MIN_CHECK_DELAY_MS, toPastEpochMs, type SendDecisionInput } from './send_decision';

const HOUR = 3600000;
const timings = { reportIntervalMs: 24 * HOUR, retryDelayMs: HOUR, failurePauseMs: 24 * HOUR, checkIntervalMs: 12 * HOUR, requestTimeoutMs: 30000 };
const now = Date.parse('2024-03-01T12:00:00Z');
/** This server started a week before `now`. */
const startedAt = now - 7 * 24 * HOUR;

const decide = (overrides: Partial<SendDecisionInput> = {}) =>
  decideSend({ now, optIn: true, sendUsageFrom: 'server', telemetrySavedObject: null, currentVersion: '2.19.0', timings, jitterMs: 0, startedAt, ...overrides });

describe('decideSend', () => {
  it('sends when opted in and nothing was ever reported', () => {
    expect(decide()).toEqual({ send: true });
    expect(decide({ telemetrySavedObject: { enabled: true } })).toEqual({ send: true });
  });

  it.each([false, null])('never sends when opt-in is %p, and looks again after checkInterval', (optIn) => {
    expect(decide({ optIn })).toEqual({ send: false, reason: 'not_opted_in', nextCheckInMs: 12 * HOUR });
  });

  it('leaves sending to the browser when sendUsageFrom is browser', () => {
    expect(decide({ sendUsageFrom: 'browser' })).toMatchObject({ send: false, reason: 'sent_by_browser' });
  });

  it('waits until reportInterval plus jitter after the last report', () => {
    const lastReported = now - 20 * HOUR;
    expect(decide({ telemetrySavedObject: { lastReported } })).toEqual({ send: false, reason: 'not_due', nextCheckInMs: 4 * HOUR });
    expect(decide({ telemetrySavedObject: { lastReported }, jitterMs: 1000 })).toMatchObject({ nextCheckInMs: 4 * HOUR + 1000 });
    expect(decide({ telemetrySavedObject: { lastReported: now - 24 * HOUR } })).toEqual({ send: true });
    expect(decide({ telemetrySavedObject: { lastReported: new Date(now - 25 * HOUR).toISOString() as any } })).toEqual({ send: true });
  });

  it('never sleeps longer than checkInterval nor shorter than the minimum', () => {
    expect(decide({ telemetrySavedObject: { lastReported: now - HOUR } })).toMatchObject({ nextCheckInMs: 12 * HOUR });
    expect(decide({ telemetrySavedObject: { lastReported: now - 24 * HOUR + 10 } })).toMatchObject({ nextCheckInMs: MIN_CHECK_DELAY_MS });
  });

  it('ignores a last report in the future', () => {
    expect(decide({ telemetrySavedObject: { lastReported: now + HOUR } })).toEqual({ send: true });
  });

  it('backs off after failures on this version, doubling the delay', () => {
    const failed = (count: number, attemptAgo: number) => ({
      lastReported: now - 48 * HOUR,
      lastReportAttempt: now - attemptAgo,
      reportFailureCount: count,
      reportFailureVersion: '2.19.0',
    });
    expect(decide({ telemetrySavedObject: failed(1, HOUR / 2) })).toEqual({ send: false, reason: 'retry_backoff', nextCheckInMs: HOUR / 2 });
    expect(decide({ telemetrySavedObject: failed(1, HOUR) })).toEqual({ send: true });
    expect(decide({ telemetrySavedObject: failed(2, HOUR) })).toEqual({ send: false, reason: 'retry_backoff', nextCheckInMs: HOUR });
    expect(decide({ telemetrySavedObject: failed(2, 2 * HOUR) })).toEqual({ send: true });
  });

  it('pauses for failurePause after 3 failures on this version, then tries again; an upgrade resumes at once', () => {
    const paused = (attemptAgo: number, count = 3) => ({
      lastReported: now - 100 * HOUR,
      reportFailureCount: count,
      reportFailureVersion: '2.19.0',
      lastReportAttempt: now - attemptAgo,
    });
    expect(decide({ telemetrySavedObject: paused(HOUR) })).toEqual({ send: false, reason: 'paused', nextCheckInMs: 12 * HOUR });
    expect(decide({ telemetrySavedObject: paused(20 * HOUR) })).toEqual({ send: false, reason: 'paused', nextCheckInMs: 4 * HOUR });
    expect(decide({ telemetrySavedObject: paused(24 * HOUR) })).toEqual({ send: true });
    // Never for good: a 7th failure in a row pauses the same way.
    expect(decide({ telemetrySavedObject: paused(20 * HOUR, 7) })).toMatchObject({ reason: 'paused' });
    expect(decide({ telemetrySavedObject: paused(24 * HOUR, 7) })).toEqual({ send: true });
    expect(decide({ telemetrySavedObject: paused(HOUR / 2), currentVersion: '2.20.0' })).toMatchObject({ send: false, reason: 'attempt_in_progress' });
    expect(decide({ telemetrySavedObject: paused(2 * HOUR), currentVersion: '2.20.0' })).toEqual({ send: true });
  });

  it('does not honour a pause recorded before this server started, but waits out a try that may be in flight', () => {
    const paused = { lastReported: now - 100 * HOUR, reportFailureCount: 3, reportFailureVersion: '2.19.0', lastReportAttempt: now - 2 * HOUR };
    expect(decide({ telemetrySavedObject: paused, startedAt: now - HOUR })).toEqual({ send: true });
    const justClaimed = { ...paused, lastReportAttempt: now - 1000 };
    expect(decide({ telemetrySavedObject: justClaimed, startedAt: now - 500 })).toEqual({ send: false, reason: 'attempt_in_progress', nextCheckInMs: 59000 });
    // The backoff between the first failures is kept across a restart.
    const backoff = { ...paused, reportFailureCount: 2, lastReportAttempt: now - HOUR };
    expect(decide({ telemetrySavedObject: backoff, startedAt: now - 1000 })).toMatchObject({ send: false, reason: 'retry_backoff' });
  });

  it('after an opt-in change reset the count, holds only as for a try in flight', () => {
    const reset = { lastReported: now - 100 * HOUR, reportFailureCount: 0, reportFailureVersion: '2.19.0', lastReportAttempt: now - HOUR / 2 };
    expect(decide({ telemetrySavedObject: reset })).toEqual({ send: false, reason: 'attempt_in_progress', nextCheckInMs: HOUR / 2 });
  });

  it('holds a try in flight (or interrupted) for retryDelay, at least twice the request timeout', () => {
    const inFlight = { lastReported: now - 30 * HOUR, lastReportAttempt: now - 1000 };
    expect(decide({ telemetrySavedObject: inFlight })).toEqual({ send: false, reason: 'attempt_in_progress', nextCheckInMs: HOUR - 1000 });
    expect(decide({ telemetrySavedObject: inFlight, timings: { ...timings, retryDelayMs: 1000, requestTimeoutMs: 5000 } })).toMatchObject({
      reason: 'attempt_in_progress',
      nextCheckInMs: 9000,
    });
    expect(decide({ telemetrySavedObject: { lastReportAttempt: now - 2 * HOUR } })).toEqual({ send: true });
  });
});

describe('helpers', () => {
  it('jitter is stable per seed, bounded, and spread', () => {
    const max = getMaxJitterMs(24 * HOUR);
    expect(max).toBe(HOUR);
    expect(getMaxJitterMs(3000)).toBe(150);
    expect(getJitterMs('a:1', max)).toBe(getJitterMs('a:1', max));
    const values = new Set(['a:1', 'b:1', 'a:2', 'c:3'].map((seed) => getJitterMs(seed, max)));
    expect(values.size).toBeGreaterThan(1);
    for (const v of values) expect(v).toBeLessThan(max);
    expect(getJitterMs('x', 0)).toBe(0);
  });

  it('toPastEpochMs reads numbers and dates, refuses junk and the future', () => {
    expect(toPastEpochMs(5, 10)).toBe(5);
    expect(toPastEpochMs('1970-01-01T00:00:00.005Z', 10)).toBe(5);
    expect(toPastEpochMs('soon', 10)).toBeUndefined();
    expect(toPastEpochMs(11, 10)).toBeUndefined();
    expect(toPastEpochMs(undefined, 10)).toBeUndefined();
  });
});

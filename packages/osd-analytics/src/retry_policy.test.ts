import { decideRetry, isRefusedForGood, parseHttpDate, parseRetryAfter, RetryRuleInput } from './retry_policy';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);

describe('parseRetryAfter', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('30', NOW)).toBe(30000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
  });

  it('reads the three HTTP date forms as UTC, measured from now', () => {
    expect(parseRetryAfter('Thu, 01 Jan 2026 12:01:30 GMT', NOW)).toBe(90000);
    expect(parseRetryAfter('Thursday, 01-Jan-26 12:00:10 GMT', NOW)).toBe(10000);
    expect(parseRetryAfter('Thu Jan  1 12:00:05 2026', NOW)).toBe(5000);
  });

  it('measures a date from the server Date header when it has one (the browser clock may be off)', () => {
    // The browser is 10 minutes ahead of the server: from its own clock the date would already be past.
    const serverDate = 'Thu, 01 Jan 2026 11:50:00 GMT';
    expect(parseRetryAfter('Thu, 01 Jan 2026 11:50:45 GMT', NOW, serverDate)).toBe(45000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 11:50:45 GMT', NOW, 'not a date')).toBe(0);
  });

  it('takes a past date as no wait, and anything else as unreadable', () => {
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', NOW)).toBe(0);
    for (const bad of ['', 'soon', '-5', '1.5', '30s', 'Thu, 31 Feb 2026 12:00:00 GMT', 'Thu, 01 Foo 2026 12:00:00 GMT', '2026-01-01T12:01:00Z']) {
      expect([bad, parseRetryAfter(bad, NOW)]).toEqual([bad, undefined]);
    }
  });

  it('reads a two-digit RFC 850 year as the latest one not more than 50 years ahead', () => {
    expect(new Date(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT', NOW)!).toISOString()).toBe('1994-11-06T08:49:37.000Z');
    expect(new Date(parseHttpDate('Friday, 06-Nov-76 08:49:37 GMT', NOW)!).toISOString()).toBe('2076-11-06T08:49:37.000Z');
  });
});

describe('decideRetry', () => {
  const base: RetryRuleInput = { failures: 1, now: NOW, intervalMs: 10000, maxBackoffMs: 300000, maxRetryAfterMs: 3600000, random: 0 };
  /** The wait of a decision that must be a retry. */
  const delayOf = (input: RetryRuleInput) => {
    const decision = decideRetry(input);
    if (!decision.retry) throw new Error(`expected a retry for ${JSON.stringify(input)}`);
    return decision.delayMs;
  };

  it('drops what the server refused for good (400 malformed, 404, 413), never 408 or 429', () => {
    for (const status of [400, 401, 404, 413, 422]) expect(decideRetry({ ...base, status })).toEqual({ retry: false });
    for (const status of [408, 429, 500, 502, 503, undefined]) expect(decideRetry({ ...base, status }).retry).toBe(true);
    expect(isRefusedForGood(undefined)).toBe(false);
  });

  it('waits at least Retry-After on 429 and 503, in seconds or as a date', () => {
    expect(decideRetry({ ...base, status: 429, retryAfter: '42' })).toEqual({ retry: true, delayMs: 42000, source: 'retry-after' });
    expect(decideRetry({ ...base, status: 503, retryAfter: 'Thu, 01 Jan 2026 12:02:00 GMT' })).toEqual({
      retry: true,
      delayMs: 120000,
      source: 'retry-after',
    });
    // Many failures do not stretch a wait the server set.
    expect(delayOf({ ...base, failures: 9, status: 503, retryAfter: '20' })).toBe(20000);
  });

  it('never retries sooner than the normal interval, and caps a Retry-After far away', () => {
    expect(delayOf({ ...base, status: 429, retryAfter: '1' })).toBe(10000);
    expect(delayOf({ ...base, status: 429, retryAfter: '0' })).toBe(10000);
    expect(delayOf({ ...base, status: 503, retryAfter: '99999999' })).toBe(3600000);
    expect(delayOf({ ...base, status: 503, retryAfter: 'Fri, 01 Jan 2100 00:00:00 GMT' })).toBe(3600000);
  });

  it('without a readable Retry-After (or any answer) doubles from the interval, capped', () => {
    const delays = [1, 2, 3, 4, 5, 6, 60].map((failures) => delayOf({ ...base, failures, status: 503 }));
    expect(delays).toEqual([20000, 40000, 80000, 160000, 300000, 300000, 300000]);
    expect(decideRetry({ ...base, status: 429, retryAfter: 'later' })).toEqual({ retry: true, delayMs: 20000, source: 'backoff' });
    expect(decideRetry({ ...base, failures: 2 })).toEqual({ retry: true, delayMs: 40000, source: 'backoff' });
  });

  it('adds up to 10% of jitter, only ever on top', () => {
    expect(delayOf({ ...base, status: 429, retryAfter: '100', random: 0.999999 })).toBe(110000);
    expect(delayOf({ ...base, status: 429, retryAfter: '100', random: 0.5 })).toBe(105000);
    expect(delayOf({ ...base, status: 503, random: 0.5 })).toBe(21000);
    // An out-of-range random cannot shorten the wait.
    expect(delayOf({ ...base, status: 429, retryAfter: '100', random: -3 })).toBe(100000);
  });
});

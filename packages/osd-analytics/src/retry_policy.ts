/**
 * When a failed report is sent again, or whether it is dropped. Pure: the clock and the jitter are inputs.
 */

/** What is known of one failed send. */
export interface FailedSend {
  /** HTTP status; `undefined` when no answer came (network failure, blocked request). */
  status?: number;
  /** The answer's raw `Retry-After` header: delta-seconds or an HTTP date. */
  retryAfter?: string;
  /** The answer's raw `Date` header, so an HTTP-date `Retry-After` is read against the server's clock. */
  date?: string;
}

export interface RetryRuleInput extends FailedSend {
  /** Consecutive failed sends, this one included (1 for the first). */
  failures: number;
  /** The browser's clock (ms since the epoch). */
  now: number;
  /** The normal send interval: a retry never comes sooner. */
  intervalMs: number;
  /** Cap of the doubling backoff used when the server gave no usable `Retry-After`. */
  maxBackoffMs: number;
  /** Cap of an honoured `Retry-After`, against a bogus far-future date stalling the reporter. */
  maxRetryAfterMs: number;
  /** A number in [0, 1): spreads the retries of many browsers (see `JITTER_RATIO`). */
  random: number;
}

export type RetryDecision =
  | { retry: false }
  | { retry: true; delayMs: number; source: 'retry-after' | 'backoff' };

/**
 * Up to this fraction of the wait is added at random, never taken off (so `Retry-After` is always honoured):
 * every browser that saw the store go away must not come back in the same second.
 */
export const JITTER_RATIO = 0.1;

/**
 * 400 (malformed), 404 (route off), 413 (too large) and the other 4xx judge the report itself: the same
 * bytes would be refused again, for ever, so such a report is dropped. 408 and 429 ask for a later try.
 */
export function isRefusedForGood(status: number | undefined): boolean {
  return status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/**
 * The retry rule. A refusal (`isRefusedForGood`) is dropped. Otherwise the report is kept and sent again
 * after the server's `Retry-After` when it gave a readable one (at least, never sooner than the normal
 * interval, at most `maxRetryAfterMs`), else after a doubling backoff (`intervalMs * 2^failures`, capped by
 * `maxBackoffMs`); plus the jitter.
 */
export function decideRetry(input: RetryRuleInput): RetryDecision {
  if (isRefusedForGood(input.status)) return { retry: false };
  const floor = Math.max(0, input.intervalMs);
  const jitter = (wait: number) => Math.round(wait * JITTER_RATIO * Math.min(Math.max(input.random, 0), 1));
  const retryAfterMs = input.retryAfter === undefined ? undefined : parseRetryAfter(input.retryAfter, input.now, input.date);
  if (retryAfterMs !== undefined) {
    const wait = Math.max(floor, Math.min(retryAfterMs, input.maxRetryAfterMs));
    return { retry: true, delayMs: wait + jitter(wait), source: 'retry-after' };
  }
  const doubled = floor * 2 ** Math.min(Math.max(input.failures, 1), 30);
  const wait = Math.max(floor, Math.min(doubled, input.maxBackoffMs));
  return { retry: true, delayMs: wait + jitter(wait), source: 'backoff' };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// The three forms RFC 9110 §5.6.7 asks recipients to accept: IMF-fixdate, RFC 850 and asctime.
const IMF_FIXDATE = /^[a-z]{3}, (\d{2}) ([a-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) gmt$/i;
const RFC_850 = /^[a-z]{6,9}, (\d{2})-([a-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) gmt$/i;
const ASCTIME = /^[a-z]{3} ([a-z]{3}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/i;

function utc(year: number, monthName: string, day: number, hours: number, minutes: number, seconds: number) {
  const month = MONTHS.indexOf(monthName.toLowerCase());
  if (month < 0 || hours > 23 || minutes > 59 || seconds > 60) return undefined;
  const ms = Date.UTC(year, month, day, hours, minutes, Math.min(seconds, 59));
  // Date.UTC rolls 31 Feb over into March: such a date is not a date.
  return new Date(ms).getUTCDate() === day ? ms : undefined;
}

/** An HTTP date as ms since the epoch (always UTC), or `undefined` when it is not one. */
export function parseHttpDate(value: string, now: number): number | undefined {
  const text = value.trim();
  let match = IMF_FIXDATE.exec(text);
  if (match) return utc(Number(match[3]), match[2], Number(match[1]), Number(match[4]), Number(match[5]), Number(match[6]));
  match = RFC_850.exec(text);
  if (match) {
    // A two-digit year more than 50 years ahead is the latest past year ending in those digits (RFC 9110).
    const thisYear = new Date(now).getUTCFullYear();
    let year = thisYear - (thisYear % 100) + Number(match[3]);
    if (year > thisYear + 50) year -= 100;
    return utc(year, match[2], Number(match[1]), Number(match[4]), Number(match[5]), Number(match[6]));
  }
  match = ASCTIME.exec(text);
  if (match) return utc(Number(match[6]), match[1], Number(match[2].trim()), Number(match[3]), Number(match[4]), Number(match[5]));
  return undefined;
}

/**
 * A `Retry-After` value as a wait in ms (0 for a date already past), or `undefined` when it is neither
 * delta-seconds nor an HTTP date. A date is measured from the answer's `Date` when that parses (so a
 * browser whose clock is off still waits as long as the server meant), else from `now`.
 */
export function parseRetryAfter(value: string, now: number, date?: string): number | undefined {
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = parseHttpDate(text, now);
  if (at === undefined) return undefined;
  const serverNow = date === undefined ? undefined : parseHttpDate(date, now);
  return Math.max(0, at - (serverNow ?? now));
}

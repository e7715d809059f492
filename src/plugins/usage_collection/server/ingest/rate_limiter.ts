/** How many clients the limiter remembers at most, by default (about 100 bytes each). */
export const DEFAULT_MAX_TRACKED_CLIENTS = 50_000;

const MINUTE_MS = 60_000;

interface Bucket {
  tokens: number;
  /** When `tokens` was last brought up to date (ms). */
  at: number;
}

export interface RateLimiterOptions {
  /** Reports a client may send per minute, and in one burst. */
  maxPerMinute: number;
  /** Size bound of the table; past it the least recently seen client is forgotten. */
  maxClients?: number;
  /** A monotonic clock in ms; `performance.now` by default, so a wall-clock change cannot refill or drain buckets. */
  now?: () => number;
}

/**
 * Reports per client and minute, as a token bucket: a client holds up to `maxPerMinute` tokens, each
 * report takes one, and they come back at `maxPerMinute` per minute. A refused report takes none.
 *
 * O(1) per call, and bounded memory: the table is a Map kept in order of last use (a seen client is moved
 * to the end), so its first entries are the idlest. Each call forgets up to two clients idle for a minute
 * or more (their bucket has refilled, the same as no entry), and past `maxClients` the idlest is
 * forgotten whatever its state: a flood of new addresses can reset others' buckets, but never grow the table.
 */
export class ReportRateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  /** `maxPerMinute`, for messages. */
  public readonly maxPerMinute: number;
  private readonly capacity: number;
  private readonly perMs: number;
  private readonly maxClients: number;
  private readonly now: () => number;
  private refused = 0;

  constructor(options: RateLimiterOptions) {
    this.maxPerMinute = options.maxPerMinute;
    this.capacity = options.maxPerMinute;
    this.perMs = options.maxPerMinute / MINUTE_MS;
    this.maxClients = options.maxClients ?? DEFAULT_MAX_TRACKED_CLIENTS;
    this.now = options.now ?? (() => performance.now());
  }

  /** Takes a token for `client`: 0 when the report may go ahead, else the seconds until it could (≥ 1). */
  public take(client: string): number {
    const now = this.now();
    this.forgetIdle(now);
    let bucket = this.buckets.get(client);
    if (bucket) {
      this.buckets.delete(client);
      // A clock that went back (a test's fake timers; never performance.now itself) refills nothing and drains nothing.
      bucket.tokens = Math.min(this.capacity, bucket.tokens + Math.max(0, now - bucket.at) * this.perMs);
      bucket.at = Math.max(bucket.at, now);
    } else {
      if (this.buckets.size >= this.maxClients) this.buckets.delete(this.buckets.keys().next().value!);
      bucket = { tokens: this.capacity, at: now };
    }
    this.buckets.set(client, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    this.refused++;
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000));
  }

  /** Clients currently remembered. */
  public get size() {
    return this.buckets.size;
  }

  /** Reports refused since start. */
  public get refusedCount() {
    return this.refused;
  }

  private forgetIdle(now: number) {
    for (let i = 0; i < 2; i++) {
      const oldest = this.buckets.entries().next().value;
      if (!oldest || now - oldest[1].at < MINUTE_MS) return;
      this.buckets.delete(oldest[0]);
    }
  }
}

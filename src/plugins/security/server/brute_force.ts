/*
 * Login throttling per username: after `maxFailures` (5) wrong passwords within `windowMs` (a minute),
 * attempts for that username are refused, the right password included, until the oldest of those
 * failures leaves the window. Attempts still being verified count too, so a burst of parallel requests
 * cannot slip past the limit while the first ones are hashing. In memory, per server: with several
 * servers an attacker gets 5 tries a minute on each, still hopeless against scrypt and 8+ characters.
 *
 * Memory is bounded: entries live in a Map ordered by last activity, stale ones are dropped from the
 * front as time passes, and past `maxEntries` the oldest goes. An attacker would need `maxEntries`
 * attempts on other usernames within the window to evict a lock, each paying for a password check.
 */

export interface BruteForceGuardOptions {
  maxFailures?: number;
  windowMs?: number;
  maxEntries?: number;
  /** Epoch milliseconds; the wall clock otherwise. */
  now?: () => number;
}

export type Refusal = { allowed: false; retryAfterSeconds: number };
export type AttemptDecision = { allowed: true } | Refusal;

/** An allowed attempt: report its outcome exactly once (later calls are ignored). */
export interface Attempt {
  allowed: true;
  succeeded(): void;
  /** Records the wrong password; returns the decision for the next attempt. */
  failed(): AttemptDecision;
}

interface Entry {
  /** Timestamps of recent failures, ascending, at most `maxFailures`. */
  failures: number[];
  /** Attempts begun and not yet reported. */
  pending: number;
  lastActivity: number;
}

export class BruteForceGuard {
  private readonly maxFailures: number;
  private readonly windowMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  private readonly entries = new Map<string, Entry>();

  constructor(options: BruteForceGuardOptions = {}) {
    this.maxFailures = options.maxFailures ?? 5;
    this.windowMs = options.windowMs ?? 60_000;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
    const limits = { maxFailures: this.maxFailures, windowMs: this.windowMs, maxEntries: this.maxEntries };
    for (const [name, value] of Object.entries(limits)) {
      if (!Number.isInteger(value) || value < 1) throw new Error(`[${name}]: must be a positive whole number`);
    }
  }

  /** Whether an attempt would be allowed now, without starting one. */
  public check(username: string): AttemptDecision {
    const now = this.now();
    this.dropStale(now);
    return this.decide(this.entries.get(username), now);
  }

  /** Starts an attempt: call before verifying the password, and verify only when it is allowed. */
  public begin(username: string): Attempt | Refusal {
    const now = this.now();
    this.dropStale(now);
    const decision = this.decide(this.entries.get(username), now);
    if (!decision.allowed) return decision;
    this.touch(username, now).pending++;
    let reported = false;
    const report = (failed: boolean): AttemptDecision => {
      if (reported) return this.check(username);
      reported = true;
      const at = this.now();
      const entry = this.touch(username, at);
      entry.pending = Math.max(0, entry.pending - 1);
      if (failed) {
        entry.failures = [...entry.failures.filter((t) => t > at - this.windowMs), at].slice(-this.maxFailures);
      } else {
        entry.failures = [];
        if (entry.pending === 0) this.entries.delete(username);
      }
      return this.check(username);
    };
    return { allowed: true, succeeded: () => void report(false), failed: () => report(true) };
  }

  /** Usernames currently tracked, for tests and metrics. */
  public get size(): number {
    return this.entries.size;
  }

  private decide(entry: Entry | undefined, now: number): AttemptDecision {
    if (!entry) return { allowed: true };
    const recent = entry.failures.filter((t) => t > now - this.windowMs);
    if (recent.length >= this.maxFailures) {
      const until = recent[recent.length - this.maxFailures] + this.windowMs;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((until - now) / 1000)) };
    }
    // Attempts in flight may all fail: refuse briefly rather than let a burst exceed the limit.
    if (recent.length + entry.pending >= this.maxFailures) return { allowed: false, retryAfterSeconds: 1 };
    return { allowed: true };
  }

  /** The entry for `username`, moved to the back of the Map (most recent), evicting past the bound. */
  private touch(username: string, now: number): Entry {
    const entry = this.entries.get(username) ?? { failures: [], pending: 0, lastActivity: now };
    entry.lastActivity = now;
    this.entries.delete(username);
    this.entries.set(username, entry);
    while (this.entries.size > this.maxEntries) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
    return entry;
  }

  /* The front entry is the least recently active: once it is out of the window, so is all of it. An
   * attempt still pending after a whole window is treated as abandoned. */
  private dropStale(now: number) {
    for (const [username, entry] of this.entries) {
      if (entry.lastActivity > now - this.windowMs) return;
      this.entries.delete(username);
    }
  }
}

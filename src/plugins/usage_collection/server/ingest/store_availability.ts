import { SavedObjectsErrorHelpers, type Logger } from '../../../../core/server';

/** What a ui-metric client is told to wait (`Retry-After`, seconds) while the store is away. */
export const STORE_RETRY_AFTER_S = 30;
/** While the store is away, one report per this interval still tries it, to notice its return. */
export const STORE_PROBE_INTERVAL_MS = 5000;

/**
 * The one rule for "the store is away, not this report wrong": the repository's unavailable error (the
 * cluster unreachable, timing out or answering 502-504, the index missing, the SQLite store closed) and a
 * cluster refusing work with 429. Every ingest path (writes, the key-cap loads) asks this.
 */
export function isStoreUnavailable(error: unknown): boolean {
  return SavedObjectsErrorHelpers.isOpenSearchUnavailableError(error) || SavedObjectsErrorHelpers.isTooManyRequestsError(error);
}

export interface StoreAvailabilityOptions {
  logger: Logger;
  probeIntervalMs?: number;
  retryAfterS?: number;
  now?: () => number;
}

/**
 * What the ingest path knows of the store's availability, from its own calls. The first failure that
 * `isStoreUnavailable` recognises logs one warning; the first success after it logs one info line. In
 * between, reports are refused at once (503 with `Retry-After`) without touching the store, except one
 * per probe interval, which tries it: so an outage costs neither a log line nor a hung call per request.
 */
export class StoreAvailability {
  private away?: { reason: string; nextProbeAt: number };
  private readonly logger: Logger;
  private readonly probeIntervalMs: number;
  private readonly now: () => number;
  public readonly retryAfterS: number;

  constructor(options: StoreAvailabilityOptions) {
    this.logger = options.logger;
    this.probeIntervalMs = options.probeIntervalMs ?? STORE_PROBE_INTERVAL_MS;
    this.retryAfterS = options.retryAfterS ?? STORE_RETRY_AFTER_S;
    this.now = options.now ?? (() => Date.now());
  }

  public get isAway() {
    return this.away !== undefined;
  }

  /**
   * 0 when the caller may use the store now; otherwise the seconds to tell its client to wait. While the
   * store is away, the first caller of each probe interval gets 0 and is the probe.
   */
  public refusal(): number {
    const away = this.away;
    if (!away) return 0;
    const now = this.now();
    if (now < away.nextProbeAt) return this.retryAfterS;
    away.nextProbeAt = now + this.probeIntervalMs;
    return 0;
  }

  /** Records a failed store call; true when it means the store is away (the caller answers 503). */
  public failed(error: unknown): boolean {
    if (!isStoreUnavailable(error)) return false;
    const reason = (error as Error).message;
    if (!this.away) {
      this.logger.warn(
        `The saved-objects store is not available (${reason}): ui-metric reports are answered 503 with ` +
          `Retry-After: ${this.retryAfterS} until it is back`
      );
      this.away = { reason, nextProbeAt: this.now() + this.probeIntervalMs };
    }
    return true;
  }

  /** Records a successful store call. */
  public succeeded() {
    if (!this.away) return;
    this.away = undefined;
    this.logger.info('The saved-objects store is available again: ui-metric reports are stored again');
  }
}

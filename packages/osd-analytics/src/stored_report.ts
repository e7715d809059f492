import { emptyReport, mergeInto, PendingReport, REPORT_VERSION } from './report';
import type { ReportStorage } from './storage';

/** What a page keeps under its storage key: everything not confirmed sent, and when to send it again. */
export interface StoredState {
  report: PendingReport;
  /**
   * Not sent before this time (ms; 0: any time). Kept so that the server's `Retry-After` (or the backoff)
   * outlives a reload: the next page must not send at once into a rate limit or a store that is away.
   */
  retryAt: number;
  /** Consecutive failed sends: a page that inherits a failing server keeps its batch on leaving too. */
  failures: number;
}

/** The JSON written to storage: the report's fields, plus when it was written and the retry state. */
export function toStoredValue({ report, retryAt, failures }: StoredState, savedAt: number) {
  return { ...report, savedAt, ...(retryAt > 0 ? { retryAt } : {}), ...(failures > 0 ? { failures } : {}) };
}

const nonNegative = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0);

/** When a stored value was written (0 when unknown: written before keys carried a time, so old). */
export function savedAtOf(value: unknown): number {
  const savedAt = (value as { savedAt?: unknown } | undefined)?.savedAt;
  return typeof savedAt === 'number' ? savedAt : 0;
}

/** Reads a stored value back; anything that is not one (another version, corrupt JSON) is `undefined`. */
export function parseStoredValue(value: unknown): StoredState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { savedAt: _savedAt, retryAt, failures, ...report } = value as PendingReport & Record<string, unknown>;
  if (report.reportVersion !== REPORT_VERSION) return undefined;
  return { report, retryAt: nonNegative(retryAt), failures: Math.floor(nonNegative(failures)) };
}

export interface LoadStoredOptions {
  /** This page's key. */
  storageKey: string;
  /** Other keys with this prefix, not written for `orphanAfterMs`, belong to closed pages: adopted. */
  prefix: string;
  orphanAfterMs: number;
  now: number;
  /** At most this many distinct entries are kept (older data first: this page's own, then orphans). */
  maxKeys: number;
  /** A stored `retryAt` further ahead than this is cut back (the clock went back, or a corrupt value). */
  maxWaitMs: number;
}

/**
 * This page's stored state with the orphans of closed pages merged in (and their keys removed). `adopted`
 * says that storage changed, so the merged state must be written back.
 */
export function loadStoredState(storage: ReportStorage, options: LoadStoredOptions): { state: StoredState; adopted: boolean } {
  const { storageKey, prefix, orphanAfterMs, now, maxKeys, maxWaitMs } = options;
  const state: StoredState = { report: emptyReport(), retryAt: 0, failures: 0 };
  const take = (stored: StoredState) => {
    // Rebuilt entry by entry, so a stored report larger than the cap (or of an older build) is bounded too.
    mergeInto(state.report, stored.report, maxKeys);
    state.retryAt = Math.max(state.retryAt, stored.retryAt);
    state.failures = Math.max(state.failures, stored.failures);
  };
  const own = parseStoredValue(storage.get(storageKey));
  if (own) take(own);
  let adopted = false;
  for (const key of storage.keys()) {
    if (key === storageKey || !key.startsWith(prefix)) continue;
    const stored = storage.get(key);
    if (now - savedAtOf(stored) < orphanAfterMs) continue; // another tab, still open
    const orphan = parseStoredValue(stored);
    if (orphan) take(orphan);
    storage.remove(key);
    adopted = true;
  }
  state.retryAt = Math.min(state.retryAt, now + maxWaitMs);
  return { state, adopted };
}

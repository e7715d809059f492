/** What `incrementCounter` takes (upstream's names and defaults). */
export interface IncrementCounterParams {
  /** What is counted, e.g. `savedObjects.get`. At most 256 characters, no control characters. */
  counterName: string;
  /** `count` when omitted; e.g. `click`, `deprecated`. At most 100 characters, no control characters nor ":". */
  counterType?: string;
  /** 1 when omitted; a whole number from 0 to Number.MAX_SAFE_INTEGER. */
  incrementBy?: number;
}

/** A counter of one domain (a plugin, or `core`), from `usageCollection.createUsageCounter(domainId)`. */
export interface UsageCounter {
  readonly domainId: string;
  /**
   * Adds to today's (UTC) count of `counterName`/`counterType`: in memory, stored within
   * `usageCollection.usageCounters.bufferDurationMs`. Throws for a bad name, type or increment (a bug in
   * the caller); never for the store.
   */
  incrementCounter(params: IncrementCounterParams): void;
}

/** The stored attributes of a daily usage counter (type `usage-counters`). */
export interface UsageCountersSavedObjectAttributes {
  domainId: string;
  counterName: string;
  counterType: string;
  /** UTC day, `YYYY-MM-DD`. */
  date: string;
  count: number;
}

/** The stored attributes of a daily ui-metric count (type `ui-metric-daily`). */
export interface UiMetricDailyAttributes {
  appName: string;
  eventName: string;
  /** UTC day, `YYYY-MM-DD`. */
  date: string;
  count: number;
}

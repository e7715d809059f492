/** Saved-object type of the daily usage counters (`createUsageCounter`): one object per UTC day, domain, name and type. */
export const USAGE_COUNTERS_SAVED_OBJECT_TYPE = 'usage-counters';

/** Saved-object type of the daily ui-metric counts: one object per `<appName>:<eventName>` and UTC day. */
export const UI_METRIC_DAILY_SAVED_OBJECT_TYPE = 'ui-metric-daily';

/** `incrementCounter`'s counter type when none is given (upstream's). */
export const DEFAULT_COUNTER_TYPE = 'count';

/** How often buffered increments are stored, by default (`usageCollection.usageCounters.bufferDurationMs`, upstream's 5 s). */
export const DEFAULT_BUFFER_DURATION_MS = 5_000;

/** Days of daily usage counters the `usage_counters` collector reports, by default (upstream's 5). */
export const DEFAULT_RETAIN_DAYS = 5;

/** Days of daily counters the store keeps (for the usage insights page), by default. */
export const DEFAULT_HISTORY_DAYS = 90;

/**
 * Distinct counters (domain, name, type and day) the in-memory buffer holds at most. Counters come from
 * code, not from clients, so legitimate use stays far below it; it bounds memory while the store is away.
 */
export const MAX_BUFFERED_COUNTERS = 10_000;

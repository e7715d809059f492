import type { CollectorSet } from './collector';
import type { UsageCounter } from './usage_counters';

/**
 * The setup contract of `usageCollection` (server): an explicit object with only these methods, never the
 * collector set itself.
 */
export interface UsageCollectionSetup {
  /** Creates a usage collector (schema required): its data is reported under `usage` and in telemetry. */
  makeUsageCollector: CollectorSet['makeUsageCollector'];
  /** Creates a stats collector (ops-style data, not part of `usage`). */
  makeStatsCollector: CollectorSet['makeStatsCollector'];
  /** Adds a collector; throws for a duplicate type or an object that is not a collector. */
  registerCollector: CollectorSet['registerCollector'];
  /** The registered collector of that type, if any. */
  getCollectorByType: CollectorSet['getCollectorByType'];
  getCategory: CollectorSet['getCategory'];
  /** Whether every collector is ready (true anyway once `maximumWaitTimeForAllCollectorsInS` has passed). */
  areAllCollectorsReady: CollectorSet['areAllCollectorsReady'];
  /** Every ready collector's schema-filtered data, plus `usage_collector_stats`; bounded by the fetch timeout. */
  bulkFetch: CollectorSet['bulkFetch'];
  /** As `bulkFetch`, over usage collectors only. */
  bulkFetchUsage: CollectorSet['bulkFetchUsage'];
  /** `[{ type, result }]` → `{ [type]: result }`. */
  toObject: CollectorSet['toObject'];
  /** Renames keys to snake_case as `/api/stats` does; with a schema, data keys (`DYNAMIC_KEY`) are kept. */
  toApiFieldNames: CollectorSet['toApiFieldNames'];
  /**
   * Kibana's server-side usage counters: the counter of `domainId` (usually the plugin id), whose
   * `incrementCounter({ counterName, counterType = 'count', incrementBy = 1 })` counts per UTC day, in
   * memory, stored every `usageCollection.usageCounters.bufferDurationMs` and reported by the
   * `usage_counters` collector. Throws for a domain already registered (`core` is usage_collection's own)
   * and for a bad domainId: empty, over 100 characters, control characters or ":".
   */
  createUsageCounter(domainId: string): UsageCounter;
}

/** The start contract: nothing yet (upstream's is empty too). */
export type UsageCollectionStart = void;

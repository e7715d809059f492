import type { CollectorSet } from './collector';

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
}

/** The start contract: nothing yet (upstream's is empty too). */
export type UsageCollectionStart = void;

export { Collector, UsageCollector } from './collector';
export { CollectorSet } from './collector_set';
export type { CollectorSetOptions } from './collector_set';
export { toApiFieldName, toApiFieldNames } from './api_field_names';
export { ALLOWED_SCHEMA_TYPES, DYNAMIC_KEY, filterBySchema, createFilterReport } from './schema';
export type { IngestStats, UsageCollectorStats } from './collector_stats';
export type * from './types';

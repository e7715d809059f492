/*
 * Names shared by the server half and (later) the browser half of usage_collection.
 */

/** Collector type of the ops metrics stats collector; also upstream's bulk-upload type. */
export const OPENSEARCH_DASHBOARDS_STATS_TYPE = 'opensearch_dashboards_stats';

/** Type of the health entry that every bulk fetch appends to its results. */
export const USAGE_COLLECTOR_STATS_TYPE = 'usage_collector_stats';

/** How long `/api/stats` answers 503 while some collector is not ready, by default. */
export const DEFAULT_MAXIMUM_WAIT_TIME_FOR_ALL_COLLECTORS_IN_S = 60;

/** Time budget of one collector (readiness and fetch together), by default. */
export const DEFAULT_COLLECTOR_FETCH_TIMEOUT_IN_S = 10;

/** Saved-object type of the ui metric counters; ids are `<appName>:<eventName>`. */
export const UI_METRIC_SAVED_OBJECT_TYPE = 'ui-metric';

/** The route the browser reporter posts its batched report to. */
export const UI_METRIC_REPORT_PATH = '/api/ui_metric/report';

/** The only report version the server accepts, as upstream's reporter sends. */
export const REPORT_VERSION = 1;

/**
 * How often the browser sends its batched report when `usageCollection.uiMetric.batchingIntervalInS` is 0
 * (the server's "commit at once" default, which would mean a request per event in the browser).
 */
export const DEFAULT_BROWSER_BATCHING_INTERVAL_IN_S = 60;

/** Distinct ui-metric counters the store may hold, by default (`usageCollection.uiMetric.maxKeys`). */
export const DEFAULT_MAX_UI_METRIC_KEYS = 10_000;

/** Distinct applications with stored usage, by default (`usageCollection.applicationUsage.maxApps`). */
export const DEFAULT_MAX_APPLICATIONS = 1_000;

/** Reports per client and minute, by default (`usageCollection.uiMetric.maxReportsPerMinute`). */
export const DEFAULT_MAX_REPORTS_PER_MINUTE = 120;

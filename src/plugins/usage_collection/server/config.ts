import { schema, TypeOf } from '@osd/config-schema';
import type { PluginConfigDescriptor } from '../../../core/server';
import {
  DEFAULT_COLLECTOR_FETCH_TIMEOUT_IN_S,
  DEFAULT_MAX_APPLICATIONS,
  DEFAULT_MAX_REPORTS_PER_MINUTE,
  DEFAULT_MAX_UI_METRIC_KEYS,
  DEFAULT_MAXIMUM_WAIT_TIME_FOR_ALL_COLLECTORS_IN_S,
} from '../common/constants';
import { DEFAULT_BUFFER_DURATION_MS, DEFAULT_HISTORY_DAYS, DEFAULT_RETAIN_DAYS } from './usage_counters/constants';

/** Whole numbers only: a fractional count of keys or reports means a typo. */
const integer = (value: number) => (Number.isInteger(value) ? undefined : 'must be an integer');

/** `usageCollection.*` in `opensearch_dashboards.yml`. */
export const configSchema = schema.object({
  /** `false` leaves the plugin out; dependants that list it as optional receive `undefined`. */
  enabled: schema.boolean({ defaultValue: true }),
  uiMetric: schema.object({
    /** Accept `POST /api/ui_metric/report` (and, in the browser, send reports). */
    enabled: schema.boolean({ defaultValue: true }),
    /** Log each stored report at debug level (browser: log each metric). On in dev mode. */
    debug: schema.boolean({ defaultValue: schema.contextRef('dev') }),
    /**
     * How long the server lingers to gather more increments before a commit. 0 (default) commits as
     * soon as the previous commit is done; a request is answered only once its increments are durable,
     * so a larger value trades report latency for fewer commits. Browsers send their batch every this many
     * seconds (every 60 s when it is 0). 0 to 60: every report waits up to this long for its answer.
     */
    batchingIntervalInS: schema.number({ min: 0, max: 60, defaultValue: 0 }),
    /**
     * How many distinct ui-metric counters (`<appName>:<eventName>` and user-agent ids) the store may hold.
     * Past it, reports still count every existing counter, but new names are dropped (counted in
     * `usage_collector_stats.ingest.dropped_ui_metric_keys`, logged once). The server reads the stored ids
     * at start and re-reads them every 5 minutes; servers sharing one store each admit against their own
     * view, so across servers the cap is approximate (see ingest/distinct_name_cap.ts). At least 1.
     */
    maxKeys: schema.number({ min: 1, max: 1_000_000, defaultValue: DEFAULT_MAX_UI_METRIC_KEYS, validate: integer }),
    /**
     * Reports one client may send per minute (and in one burst); past it, 429 with `Retry-After`. A client
     * is its address today (an IPv6 client by its /64); with authentication it will be the user, API key or
     * session (ingest/client_identity.ts). A browser sends about one report a minute. At least 1.
     */
    maxReportsPerMinute: schema.number({ min: 1, max: 10_000_000, defaultValue: DEFAULT_MAX_REPORTS_PER_MINUTE, validate: integer }),
  }),
  applicationUsage: schema.object({
    /**
     * How many distinct application ids may have stored usage. Past it, usage of new applications is
     * dropped (counted in `usage_collector_stats.ingest.dropped_applications`, logged once); known ones keep
     * counting. Approximate across servers sharing a store, as `uiMetric.maxKeys`. At least 1.
     */
    maxApps: schema.number({ min: 1, max: 100_000, defaultValue: DEFAULT_MAX_APPLICATIONS, validate: integer }),
  }),
  usageCounters: schema.object(
    {
      /**
       * How long increments of `createUsageCounter` counters gather in memory before they are stored (one
       * batch per flush; also flushed on stop). Increments not yet stored are lost if the process is killed.
       * 100 ms to 60 s.
       */
      bufferDurationMs: schema.number({ min: 100, max: 60_000, defaultValue: DEFAULT_BUFFER_DURATION_MS, validate: integer }),
      /** UTC days of daily usage counters the `usage_counters` collector reports (today included). 1 to 90. */
      retainDays: schema.number({ min: 1, max: 90, defaultValue: DEFAULT_RETAIN_DAYS, validate: integer }),
      /**
       * UTC days of daily counters the store keeps (today included), for the usage insights page: both the
       * usage counters (`usage-counters`) and the daily ui-metric counts (`ui-metric-daily`). Older ones are
       * deleted by a cleanup that runs a minute after start and every 6 hours. At least `retainDays`, at
       * most 3650.
       */
      historyDays: schema.number({ min: 1, max: 3650, defaultValue: DEFAULT_HISTORY_DAYS, validate: integer }),
    },
    {
      validate: ({ retainDays, historyDays }) =>
        historyDays < retainDays ? `[historyDays] (${historyDays}) must be at least [retainDays] (${retainDays})` : undefined,
    }
  ),
  /**
   * How long `/api/stats?extended` may answer 503 while collectors are not ready, counted from the first
   * not-ready answer; after it, data from the ready collectors is returned. 0 never answers 503; a negative
   * value waits for ever. At most 3600.
   */
  maximumWaitTimeForAllCollectorsInS: schema.number({
    max: 3600,
    defaultValue: DEFAULT_MAXIMUM_WAIT_TIME_FOR_ALL_COLLECTORS_IN_S,
  }),
  /**
   * Time budget of each collector, readiness check and fetch together; a collector over it is reported as
   * timed out. Greater than 0, at most 3600 (it is a timer: far larger values would overflow it).
   */
  collectorFetchTimeoutInS: schema.number({
    max: 3600,
    defaultValue: DEFAULT_COLLECTOR_FETCH_TIMEOUT_IN_S,
    validate: (value) => (value > 0 ? undefined : 'must be greater than 0'),
  }),
});

export type UsageCollectionConfig = TypeOf<typeof configSchema>;

export const config: PluginConfigDescriptor<UsageCollectionConfig> = {
  schema: configSchema,
  exposeToBrowser: { uiMetric: true },
};

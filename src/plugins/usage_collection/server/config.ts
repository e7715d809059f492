import { schema, TypeOf } from '@osd/config-schema';
import type { PluginConfigDescriptor } from '../../../core/server';
import {
  DEFAULT_COLLECTOR_FETCH_TIMEOUT_IN_S,
  DEFAULT_MAXIMUM_WAIT_TIME_FOR_ALL_COLLECTORS_IN_S,
} from '../common/constants';

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
     * seconds (every 60 s when it is 0).
     */
    batchingIntervalInS: schema.number({ min: 0, defaultValue: 0 }),
  }),
  /**
   * How long `/api/stats?extended` may answer 503 while collectors are not ready, counted from the first
   * not-ready answer; after it, data from the ready collectors is returned. 0 never answers 503; a negative
   * value waits for ever.
   */
  maximumWaitTimeForAllCollectorsInS: schema.number({
    defaultValue: DEFAULT_MAXIMUM_WAIT_TIME_FOR_ALL_COLLECTORS_IN_S,
  }),
  /** Time budget of each collector, readiness check and fetch together; a collector over it is reported as timed out. */
  collectorFetchTimeoutInS: schema.number({
    defaultValue: DEFAULT_COLLECTOR_FETCH_TIMEOUT_IN_S,
    validate: (value) => (value > 0 ? undefined : 'must be greater than 0'),
  }),
});

export type UsageCollectionConfig = TypeOf<typeof configSchema>;

export const config: PluginConfigDescriptor<UsageCollectionConfig> = {
  schema: configSchema,
  exposeToBrowser: { uiMetric: true },
};

import { schema, TypeOf } from '@osd/config-schema';
import type { PluginConfigDescriptor } from '../../../core/server';
import { DEFAULT_CACHE_TTL } from '../common';

/** `telemetry_collection_manager.*` in `opensearch_dashboards.yml`. */
export const configSchema = schema.object({
  enabled: schema.boolean({ defaultValue: true }),
  /**
   * How long a complete report is served from the cache before the next request collects again. `0`
   * turns the cache off. A failed or partial report (a collector that failed, timed out or was not ready)
   * is never cached. At most a day: a longer cache would send the same numbers in two daily reports.
   */
  cacheTtl: schema.duration({ defaultValue: DEFAULT_CACHE_TTL, min: 0, max: '24h' }),
});

export type TelemetryCollectionManagerConfig = TypeOf<typeof configSchema>;

export const config: PluginConfigDescriptor<TelemetryCollectionManagerConfig> = {
  schema: configSchema,
};

import { schema, TypeOf } from '@osd/config-schema';
import { timerDuration } from './config/limits';

// One schema per key: these live beside the service that reads them.
export { pathConfig, resolveDataPath } from './environment/path_config';
export type { PathConfigType } from './environment/path_config';
export { opsConfig } from './metrics/ops_config';
export type { OpsConfigType } from './metrics/ops_config';
export { opensearchConfig } from './opensearch/opensearch_config';
export type { OpenSearchConfigType } from './opensearch/opensearch_config';

/** `opensearchDashboards.*` (upstream's `kibana.*`): the saved-objects index name. */
export const opensearchDashboardsConfig = {
  path: 'opensearchDashboards',
  schema: schema.object({
    index: schema.string({ defaultValue: '.opensearch_dashboards', minLength: 1 }),
    autocompleteTerminateAfter: schema.duration({ defaultValue: 100000, min: 1 }),
    autocompleteTimeout: timerDuration({ defaultValue: 1000, min: '100ms' }),
  }),
};

/** `plugins.*`: extra plugin folders and the lifecycle time limit. */
export const pluginsConfig = {
  path: 'plugins',
  schema: schema.object({
    paths: schema.arrayOf(schema.string(), { defaultValue: [] }),
    lifecycleTimeout: timerDuration({ defaultValue: '30s', min: '1s' }),
  }),
};

/** `savedObjects.*`: limits of the import/export API (upstream's keys; reported in the `core` usage). */
export const savedObjectsConfig = {
  path: 'savedObjects',
  schema: schema.object({
    maxImportPayloadBytes: schema.byteSize({ defaultValue: 26214400, min: '1kb', max: '256mb' }),
    maxImportExportSize: schema.byteSize({ defaultValue: 10000, min: 1 }),
  }),
};

export type PluginsConfigType = TypeOf<typeof pluginsConfig.schema>;
export type SavedObjectsConfigType = TypeOf<typeof savedObjectsConfig.schema>;

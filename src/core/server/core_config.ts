import { schema, TypeOf } from '@osd/config-schema';
import { resolve } from 'path';

/** `path.*`: where the server keeps its data. Relative paths resolve against the working directory. */
export const pathConfig = {
  path: 'path',
  schema: schema.object({
    data: schema.string({ defaultValue: 'data' }),
  }),
};

/** `opensearchDashboards.*` (upstream's `kibana.*`): the saved-objects index name. */
export const opensearchDashboardsConfig = {
  path: 'opensearchDashboards',
  schema: schema.object({
    index: schema.string({ defaultValue: '.opensearch_dashboards' }),
    autocompleteTerminateAfter: schema.duration({ defaultValue: 100000 }),
    autocompleteTimeout: schema.duration({ defaultValue: 1000 }),
  }),
};

/** `ops.*`: how often the ops metrics are sampled. */
export const opsConfig = {
  path: 'ops',
  schema: schema.object({
    interval: schema.duration({ defaultValue: '5s' }),
  }),
};

/** `plugins.*`: extra plugin folders and the lifecycle time limit. */
export const pluginsConfig = {
  path: 'plugins',
  schema: schema.object({
    paths: schema.arrayOf(schema.string(), { defaultValue: [] }),
    lifecycleTimeout: schema.duration({ defaultValue: '30s' }),
  }),
};

/** `opensearch.*`: the cluster. With no `hosts`, the server runs on its embedded store. */
export const opensearchConfig = {
  path: 'opensearch',
  schema: schema.object({
    hosts: schema.maybe(
      schema.oneOf([schema.uri({ scheme: ['http', 'https'] }), schema.arrayOf(schema.uri({ scheme: ['http', 'https'] }), { minSize: 1 })])
    ),
    username: schema.maybe(schema.string()),
    password: schema.maybe(schema.string()),
    requestTimeout: schema.duration({ defaultValue: '30s' }),
    pingTimeout: schema.duration({ defaultValue: '30s' }),
    startupTimeout: schema.duration({ defaultValue: '60s' }),
    shardTimeout: schema.duration({ defaultValue: '30s' }),
    healthCheck: schema.object({ delay: schema.duration({ defaultValue: 2500 }) }),
    logQueries: schema.boolean({ defaultValue: false }),
    ssl: schema.object({
      verificationMode: schema.oneOf([schema.literal('none'), schema.literal('certificate'), schema.literal('full')], {
        defaultValue: 'full',
      }),
      certificateAuthorities: schema.maybe(schema.oneOf([schema.string(), schema.arrayOf(schema.string())])),
      certificate: schema.maybe(schema.string()),
      key: schema.maybe(schema.string()),
    }),
  }),
};

/** `savedObjects.*`: limits of the import/export API (upstream's keys; reported in the `core` usage). */
export const savedObjectsConfig = {
  path: 'savedObjects',
  schema: schema.object({
    maxImportPayloadBytes: schema.byteSize({ defaultValue: 26214400 }),
    maxImportExportSize: schema.byteSize({ defaultValue: 10000 }),
  }),
};

export type PathConfigType = TypeOf<typeof pathConfig.schema>;
export type OpsConfigType = TypeOf<typeof opsConfig.schema>;
export type PluginsConfigType = TypeOf<typeof pluginsConfig.schema>;
export type OpenSearchConfigType = TypeOf<typeof opensearchConfig.schema>;
export type SavedObjectsConfigType = TypeOf<typeof savedObjectsConfig.schema>;

export function resolveDataPath(config: PathConfigType, cwd = process.cwd()) {
  return resolve(cwd, config.data);
}

export { discoverPlugins } from './plugins_discovery';
export type { DiscoveryOptions } from './plugins_discovery';
export { parseManifest, isVersionCompatible, MANIFEST_FILE_NAME } from './plugin_manifest_parser';
export { PluginDiscoveryError } from './plugin_discovery_error';

export type PluginDiscoveryErrorType =
  | 'missing-manifest'
  | 'invalid-manifest'
  | 'incompatible-version'
  | 'duplicate-id'
  | 'invalid-search-path';

/** A plugin that cannot be loaded; the message names the plugin folder and the rule it broke. */
export class PluginDiscoveryError extends Error {
  public static invalidManifest(path: string, cause: string) {
    return new PluginDiscoveryError('invalid-manifest', path, cause);
  }
  public static incompatibleVersion(path: string, cause: string) {
    return new PluginDiscoveryError('incompatible-version', path, cause);
  }
  public static missingManifest(path: string) {
    return new PluginDiscoveryError('missing-manifest', path, 'opensearch_dashboards.json not found');
  }
  public static duplicateId(path: string, cause: string) {
    return new PluginDiscoveryError('duplicate-id', path, cause);
  }
  public static invalidSearchPath(path: string, cause: string) {
    return new PluginDiscoveryError('invalid-search-path', path, cause);
  }

  private constructor(public readonly type: PluginDiscoveryErrorType, public readonly path: string, cause: string) {
    super(`${cause} (${type}, ${path})`);
    this.name = 'PluginDiscoveryError';
  }
}

import { Type } from '@osd/config-schema';
import { Observable } from 'rxjs';
import { EnvMode, PackageInfo } from '../config';
import { LoggerFactory } from '../logging';

export type PluginName = string;
export type PluginOpaqueId = symbol;

/** The parsed `opensearch_dashboards.json` of a plugin, with defaults filled. */
export interface PluginManifest {
  readonly id: PluginName;
  readonly version: string;
  readonly opensearchDashboardsVersion: string;
  /** Where its config lives in `opensearch_dashboards.yml`; snake_case of the id by default. */
  readonly configPath: string | string[];
  readonly requiredPlugins: readonly PluginName[];
  readonly optionalPlugins: readonly PluginName[];
  readonly requiredBundles: readonly PluginName[];
  readonly server: boolean;
  readonly ui: boolean;
  readonly extraPublicDirs?: readonly string[];
  readonly description?: string;
}

/** What a plugin's `server/index` may export besides `plugin`. */
export interface PluginConfigDescriptor<T = any> {
  schema: Type<T>;
  /** Keys (top level) of this plugin's config that the browser may read. */
  exposeToBrowser?: { [K in keyof T]?: boolean };
  deprecations?: unknown;
}

export interface PluginInitializerContext<ConfigSchema = unknown> {
  opaqueId: PluginOpaqueId;
  /** `configs`: the config files this server read, in order (upstream's `env.configs`). */
  env: { mode: EnvMode; packageInfo: PackageInfo; instanceUuid: string; configs: readonly string[] };
  logger: LoggerFactory;
  config: {
    /** This plugin's validated config, synchronously. */
    get<T = ConfigSchema>(): T;
    /** The same value as an observable (the config does not change at run time yet). */
    create<T = ConfigSchema>(): Observable<T>;
    legacy: {
      /** Core settings that upstream plugins read: `path.data`, the saved-objects index, `opensearch`. */
      get(): { path: { data: string }; opensearchDashboards: { index: string } };
    };
  };
}

/** The class a plugin's server half exports through `plugin()`. */
export interface Plugin<TSetup = void, TStart = void, TPluginsSetup extends object = object, TPluginsStart extends object = object> {
  setup(core: any, plugins: TPluginsSetup): TSetup | Promise<TSetup>;
  start(core: any, plugins: TPluginsStart): TStart | Promise<TStart>;
  stop?(): void | Promise<void>;
}

export type PluginInitializer<TSetup = unknown, TStart = unknown, TPluginsSetup extends object = object, TPluginsStart extends object = object> = (
  context: PluginInitializerContext<any>
) => Plugin<TSetup, TStart, TPluginsSetup, TPluginsStart>;

/** A discovered plugin: its manifest and folder. */
export interface DiscoveredPlugin {
  manifest: PluginManifest;
  path: string;
}

import { EnvMode, PackageInfo } from '../injected_metadata/types';

export type PluginOpaqueId = symbol;

/** What a public half's `plugin(initializerContext)` receives. */
export interface PluginInitializerContext<ConfigSchema extends object = object> {
  readonly opaqueId: PluginOpaqueId;
  readonly env: { mode: Readonly<EnvMode>; packageInfo: Readonly<PackageInfo> };
  readonly config: {
    /** The keys of this plugin's server config listed in its `exposeToBrowser`. */
    get<T extends object = ConfigSchema>(): T;
  };
}

/** The class a public half returns from `plugin()`. `CoreSetup`/`CoreStart` are the browser's. */
export interface Plugin<TSetup = void, TStart = void, TPluginsSetup extends object = object, TPluginsStart extends object = object> {
  setup(core: any, plugins: TPluginsSetup): TSetup | Promise<TSetup>;
  start(core: any, plugins: TPluginsStart): TStart | Promise<TStart>;
  stop?(): void;
}

export type PluginInitializer<TSetup = unknown, TStart = unknown, TPluginsSetup extends object = object, TPluginsStart extends object = object> = (
  initializerContext: PluginInitializerContext<any>
) => Plugin<TSetup, TStart, TPluginsSetup, TPluginsStart>;

/** A public half's module, as the bundle imports it. */
export interface PluginModule {
  plugin?: PluginInitializer<unknown, unknown, any, any>;
}

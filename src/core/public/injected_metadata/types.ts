import type { PageUiSettingsParams, UserProvidedValue } from '../ui_settings/types';

/** What the server knows about a browser plugin, from its manifest. */
export interface InjectedPluginMetadata {
  id: string;
  plugin: { id: string; requiredPlugins: readonly string[]; optionalPlugins: readonly string[] };
  /** The keys of its server config listed in `exposeToBrowser`. */
  config: Record<string, unknown>;
}

/** Feature flags per app and plugin, as upstream's capabilities. */
export interface Capabilities {
  navLinks: Record<string, boolean>;
  management: Record<string, Record<string, boolean>>;
  catalogue: Record<string, boolean>;
  [key: string]: Record<string, boolean | Record<string, boolean>>;
}

export type { PackageInfo, EnvMode } from '../../types';
import type { PackageInfo, EnvMode } from '../../types';

/**
 * Everything the server writes into the page for the browser to start with. Serialised as JSON in the
 * `data` attribute of `<osd-injected-metadata>`; produced by `src/core/server/rendering`.
 */
export interface InjectedMetadata {
  version: string;
  buildNumber: number;
  branch: string;
  /** The base path of this request's page. */
  basePath: string;
  /** `server.basePath`. */
  serverBasePath: string;
  serverUuid: string;
  serverName: string;
  env: { mode: EnvMode; packageInfo: PackageInfo };
  /** Where `/` leads (`server.defaultRoute`, default `/app/home`). */
  defaultRoute: string;
  /** Browser plugins in discovery order; the browser sorts them by dependencies. */
  uiPlugins: InjectedPluginMetadata[];
  capabilities: Capabilities;
  uiSettings: {
    /** Every registered setting, with the checks the browser can run (`validation`). */
    defaults: Record<string, PageUiSettingsParams>;
    user: Record<string, UserProvidedValue>;
  };
  /** Free-form values a host may add (`getInjectedVar`). */
  vars: Record<string, unknown>;
}

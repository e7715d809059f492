import type { Capabilities, InjectedMetadata } from '../../public/injected_metadata/types';
import type { Env } from '../config';
import type { UiPluginInfo } from '../plugins/plugins_service';
import type { PageUiSettingsParams } from '../../public/ui_settings/types';
import type { UserProvidedValue } from '../ui_settings/types';

export interface MetadataParams {
  env: Env;
  basePath: string;
  serverUuid: string;
  serverName: string;
  defaultRoute: string;
  uiPlugins: UiPluginInfo[];
  /** Resolved for the page's caller. */
  capabilities: Capabilities;
  /** Every registered setting (with the checks the browser can run) and the caller's values. */
  uiSettings: { defaults: Record<string, PageUiSettingsParams>; user: Record<string, UserProvidedValue> };
}

/** Everything the browser starts from; pure, so the rendering route only gathers the inputs. */
export function createInjectedMetadata(params: MetadataParams): InjectedMetadata {
  const { env, basePath } = params;
  return {
    version: env.packageInfo.version,
    buildNumber: env.packageInfo.buildNum,
    branch: env.packageInfo.branch,
    basePath,
    serverBasePath: basePath,
    serverUuid: params.serverUuid,
    serverName: params.serverName,
    env: { mode: env.mode, packageInfo: env.packageInfo },
    defaultRoute: params.defaultRoute,
    uiPlugins: params.uiPlugins.map((p) => ({
      id: p.id,
      plugin: { id: p.id, requiredPlugins: [...p.requiredPlugins], optionalPlugins: [...p.optionalPlugins] },
      config: p.exposedConfig,
    })),
    capabilities: params.capabilities,
    uiSettings: params.uiSettings,
    vars: {},
  };
}

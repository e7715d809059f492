import type { CoreSetup, Plugin } from '../../../core/public';
import type { AdvancedSettingsSetup } from '../../advanced_settings/public';
import { APP_ID, APP_TITLE } from '../common';

export type UsageInsightsPublicPluginSetup = void;
export type UsageInsightsPublicPluginStart = void;

export interface UsageInsightsSetupDeps {
  advancedSettings?: AdvancedSettingsSetup;
}

/** After "Users and API keys" in Management's side nav. */
const SECTION_ORDER = 600;

/**
 * Registers the app at `/app/usage_insights` and its entry in Management. Both are registered for everyone:
 * each decides from the caller's capabilities, and the Management app hides the link from those without
 * `management.opensearchDashboards.usage_insights`.
 */
export class UsageInsightsPublicPlugin implements Plugin<UsageInsightsPublicPluginSetup, UsageInsightsPublicPluginStart> {
  public setup(core: CoreSetup, { advancedSettings }: UsageInsightsSetupDeps = {}) {
    core.application.register({
      id: APP_ID,
      title: APP_TITLE,
      order: 9100,
      euiIconType: 'visBarVertical',
      mount: async (params) => {
        const [coreStart] = await core.getStartServices();
        const { mountInsightsApp } = await import('./mount');
        return mountInsightsApp(coreStart, params);
      },
    });
    advancedSettings?.management.registerSection({
      id: APP_ID,
      title: APP_TITLE,
      order: SECTION_ORDER,
      mount: async (params) => {
        const [coreStart] = await core.getStartServices();
        const { mountManagementEntry } = await import('./mount_management');
        return mountManagementEntry(coreStart, params);
      },
    });
  }

  public start() {}
}

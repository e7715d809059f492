import React from 'react';
import { EuiText } from '@opensearch-project/oui';
import type { AppMountParameters, CoreSetup, CoreStart, Plugin, PluginInitializerContext } from '../../../../src/core/public';
import type { AdvancedSettingsSetup } from '../../../../src/plugins/advanced_settings/public';
import type { UsageCollectionSetup } from '../../../../src/plugins/usage_collection/public';

interface SetupDeps {
  advancedSettings: AdvancedSettingsSetup;
  usageCollection?: UsageCollectionSetup;
}

/** What the tests read from the page. */
export interface BrowserTestRecord {
  appIds: Array<string | undefined>;
  setupDeps: string[];
  startDeps: string[];
  config: unknown;
}

declare global {
  interface Window {
    __browserTest?: BrowserTestRecord;
  }
}

/**
 * A public half that exercises the host: two apps to move between, one that fails to mount, a subtitle in
 * Advanced Settings, and a record of what it was handed (on `window.__browserTest`).
 */
export class BrowserTestPlugin implements Plugin<void, void, SetupDeps, object> {
  private readonly record: BrowserTestRecord = { appIds: [], setupDeps: [], startDeps: [], config: undefined };

  constructor(private readonly context: PluginInitializerContext) {}

  public setup(core: CoreSetup, deps: SetupDeps) {
    this.record.setupDeps = Object.keys(deps).sort();
    this.record.config = this.context.config.get();
    window.__browserTest = this.record;

    const mountApp = (variant: 'A' | 'B') => async (params: AppMountParameters) => {
      const [coreStart] = await core.getStartServices();
      const { mountTestApp } = await import('./test_app');
      return mountTestApp(variant, coreStart, params, this.record, deps.usageCollection);
    };
    core.application.register({ id: 'browserTestA', title: 'Browser test A', order: 100, euiIconType: 'beaker', mount: mountApp('A') });
    core.application.register({ id: 'browserTestB', title: 'Browser test B', order: 101, euiIconType: 'bolt', mount: mountApp('B') });
    core.application.register({
      id: 'browserTestBroken',
      title: 'Broken test app',
      navLinkStatus: 'hidden',
      mount: () => {
        throw new Error('Broken on purpose by the browser test plugin');
      },
    });

    const { PAGE_SUBTITLE_COMPONENT } = deps.advancedSettings.component.componentType;
    deps.advancedSettings.component.register(
      PAGE_SUBTITLE_COMPONENT,
      () => (
        <EuiText size="s" color="subdued" data-test-subj="browserTestSubtitle">
          <p>Settings of the browser test plugin are under &quot;BrowserTest&quot;.</p>
        </EuiText>
      ),
      true
    );
  }

  public start(core: CoreStart, deps: object) {
    this.record.startDeps = Object.keys(deps).sort();
    core.application.currentAppId$.subscribe((appId) => this.record.appIds.push(appId));
  }
}

import React from 'react';
import type { CoreSetup, Plugin } from '../../../core/public';
import type { AdvancedSettingsSetup } from '../../advanced_settings/public';
import { ComponentRegistry } from '../../advanced_settings/public';
import type { TelemetryPluginSetup } from '../../telemetry/public';
import { EXAMPLE_REPORT_ROUTE } from '../common';
import { TelemetryManagementSection, type TelemetryManagementSectionProps } from './components';

export interface TelemetryManagementSectionSetupDeps {
  advancedSettings: AdvancedSettingsSetup;
  /** Optional (upstream: required) so that `telemetry.enabled: false` leaves the section out instead of failing start. */
  telemetry?: TelemetryPluginSetup;
}

/** Puts "Usage Data" at the bottom of Advanced Settings (when telemetry is enabled). No contracts. */
export class TelemetryManagementSectionPlugin implements Plugin<void, void, TelemetryManagementSectionSetupDeps> {
  public setup(core: CoreSetup, { advancedSettings, telemetry }: TelemetryManagementSectionSetupDeps) {
    if (!telemetry) return;
    const { telemetryService } = telemetry;
    const privacyStatementUrl = telemetryService.getPrivacyStatementUrl();
    const downloadUrl = core.http.basePath.prepend(EXAMPLE_REPORT_ROUTE);
    // The capabilities are known once core has started, which is before any page renders this footer.
    let canReadReport = false;
    core.getStartServices().then(([coreStart]) => {
      canReadReport = coreStart.application.capabilities.telemetry?.readReport !== false;
    });
    type FooterProps = Omit<TelemetryManagementSectionProps, 'telemetryService' | 'privacyStatementUrl' | 'downloadUrl' | 'canReadReport'>;
    // The registry types footers loosely; Advanced Settings passes these props (see its `PageFooter`).
    const Footer = (props: Record<string, any>) => (
      <TelemetryManagementSection
        {...(props as FooterProps)}
        telemetryService={telemetryService}
        privacyStatementUrl={privacyStatementUrl}
        downloadUrl={downloadUrl}
        canReadReport={canReadReport}
      />
    );
    advancedSettings.component.register(ComponentRegistry.componentType.PAGE_FOOTER_COMPONENT, Footer, true);
  }

  public start() {}
}

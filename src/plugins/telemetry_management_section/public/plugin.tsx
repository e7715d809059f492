import React from 'react';
import { createDateFormatter, type CoreSetup, type Plugin } from '../../../core/public';
import type { AdvancedSettingsSetup } from '../../advanced_settings/public';
import { ComponentRegistry } from '../../advanced_settings/public';
import type { TelemetryPluginSetup } from '../../telemetry/public';
import { EXAMPLE_REPORT_ROUTE } from '../common';
import { TelemetryManagementSection, type TelemetryManagementSectionProps } from './components';
import { createReportHistoryApi } from './lib/report_history_api';

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
    let reportHistory: TelemetryManagementSectionProps['reportHistory'];
    core.getStartServices().then(([coreStart]) => {
      const capabilities = coreStart.application.capabilities.telemetry;
      canReadReport = capabilities?.readReport !== false;
      // The server decides this capability from `telemetry:reports`, the privilege the ledger routes require.
      if (capabilities?.readReports === true) {
        reportHistory = {
          api: createReportHistoryApi({ http: coreStart.http, fetch: (input, init) => window.fetch(input, init) }),
          formatDate: createDateFormatter(coreStart.uiSettings),
        };
      }
    });
    type FooterProps = Omit<TelemetryManagementSectionProps, 'telemetryService' | 'privacyStatementUrl' | 'downloadUrl' | 'canReadReport' | 'reportHistory'>;
    // The registry types footers loosely; Advanced Settings passes these props (see its `PageFooter`).
    const Footer = (props: Record<string, any>) => (
      <TelemetryManagementSection
        {...(props as FooterProps)}
        telemetryService={telemetryService}
        privacyStatementUrl={privacyStatementUrl}
        downloadUrl={downloadUrl}
        canReadReport={canReadReport}
        reportHistory={reportHistory}
      />
    );
    advancedSettings.component.register(ComponentRegistry.componentType.PAGE_FOOTER_COMPONENT, Footer, true);
  }

  public start() {}
}

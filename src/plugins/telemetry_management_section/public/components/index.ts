export { TelemetryManagementSection } from './telemetry_management_section';
export type { TelemetryManagementSectionProps } from './telemetry_management_section';
export { OptInExampleFlyout } from './opt_in_example_flyout';
export type { OptInExampleFlyoutProps } from './opt_in_example_flyout';
export { ReportHistory } from './report_history';
export type { ReportHistoryProps } from './report_history';

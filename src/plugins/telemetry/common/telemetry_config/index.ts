export type { TelemetrySavedObject, TelemetrySavedObjectAttributes, TelemetrySendUsageFrom } from './types';
export type { TelemetryOptIn } from './types';
export { getTelemetrySendUsageFrom } from './get_telemetry_send_usage_from';
export { getTelemetryFailureDetails } from './get_telemetry_failure_details';
export type { TelemetryFailureDetails } from './get_telemetry_failure_details';
export { getNotifyUserAboutOptInDefault } from './get_telemetry_notify_user_about_optin_default';

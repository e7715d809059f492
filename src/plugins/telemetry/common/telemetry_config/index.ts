export type { TelemetrySavedObject, TelemetrySavedObjectAttributes, TelemetrySendUsageFrom } from './types';
export { getTelemetryOptIn } from './get_telemetry_opt_in';
export type { GetTelemetryOptInConfig, TelemetryOptIn } from './get_telemetry_opt_in';
export { getTelemetrySendUsageFrom } from './get_telemetry_send_usage_from';
export { getTelemetryAllowChangingOptInStatus } from './get_telemetry_allow_changing_opt_in_status';
export { getTelemetryFailureDetails } from './get_telemetry_failure_details';
export type { TelemetryFailureDetails } from './get_telemetry_failure_details';
export { getNotifyUserAboutOptInDefault } from './get_telemetry_notify_user_about_optin_default';

import type { TelemetrySavedObject } from './types';

/**
 * Whether the browser shows the "opted in by default" notice: only when the deployment is opted in by
 * `telemetry.optIn: true`, the choice may be changed, and nobody dismissed the notice yet. Pure.
 */
export function getNotifyUserAboutOptInDefault({
  allowChangingOptInStatus,
  telemetrySavedObject,
  telemetryOptedIn,
  configTelemetryOptIn,
}: {
  allowChangingOptInStatus: boolean;
  telemetrySavedObject: TelemetrySavedObject;
  telemetryOptedIn: boolean | null;
  configTelemetryOptIn: boolean | null;
}): boolean {
  if (!allowChangingOptInStatus) return false;
  if (telemetrySavedObject && telemetrySavedObject.userHasSeenNotice === true) return false;
  return telemetryOptedIn === true && configTelemetryOptIn === true;
}

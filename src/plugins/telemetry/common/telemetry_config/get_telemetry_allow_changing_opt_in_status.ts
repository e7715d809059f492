import type { TelemetrySavedObject } from './types';

/**
 * Whether the opt-in choice may be changed. Pure. A lock in the config (`false`) always wins; otherwise the
 * saved object's value when it has one, else the config's. (Upstream lets the saved object override the
 * config either way, so a stored `true` could unlock a locked deployment.)
 */
export function getTelemetryAllowChangingOptInStatus({
  telemetrySavedObject,
  configTelemetryAllowChangingOptInStatus,
}: {
  telemetrySavedObject: TelemetrySavedObject;
  configTelemetryAllowChangingOptInStatus: boolean;
}): boolean {
  if (!configTelemetryAllowChangingOptInStatus) return false;
  if (!telemetrySavedObject) return configTelemetryAllowChangingOptInStatus;
  const saved = telemetrySavedObject.allowChangingOptInStatus;
  return typeof saved === 'boolean' ? saved : configTelemetryAllowChangingOptInStatus;
}

import type { TelemetrySavedObject, TelemetrySendUsageFrom } from './types';

/** Who sends the report: the saved object's choice when it has one, else `telemetry.sendUsageFrom`. Pure. */
export function getTelemetrySendUsageFrom({
  telemetrySavedObject,
  configTelemetrySendUsageFrom,
}: {
  telemetrySavedObject: TelemetrySavedObject;
  configTelemetrySendUsageFrom: TelemetrySendUsageFrom;
}): TelemetrySendUsageFrom {
  if (!telemetrySavedObject) return configTelemetrySendUsageFrom;
  const saved = telemetrySavedObject.sendUsageFrom;
  return saved === 'server' || saved === 'browser' ? saved : configTelemetrySendUsageFrom;
}

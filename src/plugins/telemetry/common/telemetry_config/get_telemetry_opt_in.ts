import type { TelemetrySavedObject } from './types';

export interface GetTelemetryOptInConfig {
  telemetrySavedObject: TelemetrySavedObject;
  currentOpenSearchDashboardsVersion: string;
  /** Whether the choice may be changed (see getTelemetryAllowChangingOptInStatus). */
  allowChangingOptInStatus: boolean;
  /** `telemetry.optIn`: `null` when not set. */
  configTelemetryOptIn: boolean | null;
}

/** `true` opted in, `false` opted out, `null` not decided yet (the browser asks). */
export type TelemetryOptIn = boolean | null;

interface ParsedVersion {
  major: number;
  minor: number;
  patch: number;
}

/** `x.y.z` with an optional pre-release and build (semver's grammar, loosely); `null` otherwise. */
function parseVersion(version: string): ParsedVersion | null {
  const match = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.exec(version.trim());
  return match ? { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) } : null;
}

/**
 * Whether this deployment is opted in. Pure; the rules, in order:
 * 1. a locked config value (`telemetry.optIn` set and changes not allowed) wins;
 * 2. a saved object that cannot be read (forbidden) means opted out;
 * 3. no saved object, or no choice in it, falls back to `telemetry.optIn` (`null`: not decided);
 * 4. a saved `true` is opted in;
 * 5. a saved `false` stands on the version it was chosen on, and on any patch or downgrade; after a minor
 *    or major upgrade (or when either version cannot be compared) the question is asked again (`null`).
 */
export function getTelemetryOptIn({
  telemetrySavedObject,
  currentOpenSearchDashboardsVersion,
  allowChangingOptInStatus,
  configTelemetryOptIn,
}: GetTelemetryOptInConfig): TelemetryOptIn {
  if (typeof configTelemetryOptIn === 'boolean' && !allowChangingOptInStatus) return configTelemetryOptIn;
  if (telemetrySavedObject === false) return false;
  if (telemetrySavedObject === null || typeof telemetrySavedObject.enabled !== 'boolean') return configTelemetryOptIn;
  if (telemetrySavedObject.enabled) return true;

  const lastVersion: unknown = telemetrySavedObject.lastVersionChecked;
  if (typeof lastVersion !== 'string') return null;
  if (lastVersion === currentOpenSearchDashboardsVersion) return false;
  const last = parseVersion(lastVersion);
  const current = parseVersion(currentOpenSearchDashboardsVersion);
  if (!last || !current) return null;
  const upgraded = current.major > last.major || (current.major === last.major && current.minor > last.minor);
  return upgraded ? null : false;
}

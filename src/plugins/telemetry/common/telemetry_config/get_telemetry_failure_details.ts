import type { TelemetrySavedObject } from './types';

export interface TelemetryFailureDetails {
  /** Failed sends in a row; 0 when unknown or malformed. */
  failureCount: number;
  /** The version they failed on; undefined when unknown or malformed. */
  failureVersion: string | undefined;
}

/** The sender's failure bookkeeping from the saved object, tolerant of malformed values. Pure. */
export function getTelemetryFailureDetails({ telemetrySavedObject }: { telemetrySavedObject: TelemetrySavedObject }): TelemetryFailureDetails {
  if (!telemetrySavedObject) return { failureVersion: undefined, failureCount: 0 };
  const { reportFailureCount, reportFailureVersion } = telemetrySavedObject as Record<string, unknown>;
  return {
    failureVersion: typeof reportFailureVersion === 'string' ? reportFailureVersion : undefined,
    failureCount: typeof reportFailureCount === 'number' && Number.isFinite(reportFailureCount) ? reportFailureCount : 0,
  };
}

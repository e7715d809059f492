/** What the process environment says about telemetry, read once at setup. */
export interface TelemetryEnvironment {
  /**
   * Set when `DO_NOT_TRACK` or `OSD_TELEMETRY_DISABLED` is set: the deployment is opted out whatever the
   * config and the saved choice say, and the choice cannot be changed. Names the variable.
   */
  forcedOptOutBy?: 'DO_NOT_TRACK' | 'OSD_TELEMETRY_DISABLED';
  /** `OSD_TELEMETRY_DEBUG`: log each report (and opt-in status) instead of sending it. */
  debug: boolean;
}

/** `1`, `true`, `yes` or any other non-empty value except `0`/`false`/`no`/`off` turns a flag on. */
function isSet(value: string | undefined): boolean {
  if (value === undefined) return false;
  const normalised = value.trim().toLowerCase();
  return normalised !== '' && !['0', 'false', 'no', 'off'].includes(normalised);
}

/** Reads the telemetry flags from `env` (the caller passes `process.env`). Pure. */
export function readTelemetryEnvironment(env: Record<string, string | undefined>): TelemetryEnvironment {
  const forcedOptOutBy = isSet(env.DO_NOT_TRACK) ? 'DO_NOT_TRACK' : isSet(env.OSD_TELEMETRY_DISABLED) ? 'OSD_TELEMETRY_DISABLED' : undefined;
  return { ...(forcedOptOutBy ? { forcedOptOutBy } : {}), debug: isSet(env.OSD_TELEMETRY_DEBUG) };
}

import { MAX_REPORT_FAILURES } from '../common/constants';
import type { TelemetryEnvironment } from './environment';
import type { OptInState } from './opt_in_state';

export interface DescribeOptions {
  environment: TelemetryEnvironment;
  url: string;
  reportInterval: string;
  /** Failed sends in a row on this version. */
  activeFailures?: number;
  currentVersion?: string;
  /** `telemetry.failurePause`, formatted. */
  failurePause?: string;
  /** `telemetry.generateOnly`. */
  generateOnly?: boolean;
}

/** One log line telling the operator what telemetry will do. Pure. */
export function describeTelemetryState(
  state: OptInState,
  { environment, url, reportInterval, activeFailures = 0, currentVersion, failurePause, generateOnly = false }: DescribeOptions
): string {
  if (environment.forcedOptOutBy) return `Telemetry is off: ${environment.forcedOptOutBy} is set. Nothing is sent.`;
  const lock = state.allowChangingOptInStatus ? '' : ` (locked by ${state.lockedBy === 'saved_object' ? 'the saved object' : 'the config'})`;
  if (state.optIn === null) return `Telemetry is not decided yet: nothing is sent until an admin opts in${lock}.`;
  if (state.optIn === false) return `Telemetry is opted out${lock}. Nothing is sent.`;
  if (state.sendUsageFrom !== 'server') return `Telemetry is opted in${lock}; reports are sent by the browser of an admin.`;
  const how = environment.debug
    ? 'logged (OSD_TELEMETRY_DEBUG), not sent'
    : generateOnly
    ? 'generated and kept in the report ledger (telemetry.generateOnly), never sent'
    : `sent to ${url}`;
  // Said at start, so the pause is over: the restart lifted it (common/retry_policy.ts).
  const paused =
    activeFailures >= MAX_REPORT_FAILURES
      ? ` The last ${activeFailures} sends on ${currentVersion} failed; this restart ends their pause: the next check tries again, and another failure pauses sending for ${failurePause ?? 'telemetry.failurePause'}.`
      : '';
  return `Telemetry is opted in${lock}: one report every ${reportInterval}, ${how}.${paused}`;
}

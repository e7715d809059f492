/** `true` opted in, `false` opted out, `null` not decided yet (the browser asks). */
export type TelemetryOptIn = boolean | null;

/** Who sends the usage report: the server, or a browser of an admin. */
export type TelemetrySendUsageFrom = 'server' | 'browser';

/** The attributes of the `telemetry` saved object. Every field may be missing. */
export interface TelemetrySavedObjectAttributes {
  /** The choice: `true` opted in, `false` opted out, missing or `null` not chosen yet. */
  enabled?: boolean | null;
  /** The level of an opt-in (`operational` or `full`); missing on objects written before levels: `full`. */
  level?: 'operational' | 'full';
  /** The version on which the choice was made (an opt-out is asked again after a minor or major upgrade). */
  lastVersionChecked?: string;
  sendUsageFrom?: TelemetrySendUsageFrom;
  /** When the last report was sent successfully (epoch ms). */
  lastReported?: number;
  /** When a server last started sending a report (epoch ms): the claim of that send, and the base of the retry backoff. */
  lastReportAttempt?: number;
  userHasSeenNotice?: boolean;
  /** Failed sends in a row on `reportFailureVersion`. */
  reportFailureCount?: number;
  reportFailureVersion?: string;
  allowChangingOptInStatus?: boolean;
}

/** The saved object as the decision functions see it: its attributes, `null` (not found) or `false` (forbidden). */
export type TelemetrySavedObject = TelemetrySavedObjectAttributes | null | false;

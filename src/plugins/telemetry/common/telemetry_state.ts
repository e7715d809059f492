import type { TelemetrySendUsageFrom } from './telemetry_config/types';

/**
 * What `GET /api/telemetry/v2/state` answers: the effective opt-in state as the browser needs it (the
 * browser has no saved-objects client, so the server computes it with the request's credentials).
 */
export interface TelemetryBrowserState {
  /** `true` opted in, `false` opted out, `null` nobody decided yet. */
  optIn: boolean | null;
  /** How much may leave: `off` unless opted in, else `operational` or `full` (docs/consent.md). */
  level?: 'off' | 'operational' | 'full';
  /** Whether the choice may be changed from the UI. */
  allowChangingOptInStatus: boolean;
  /**
   * What locks the choice, when it is locked: `telemetry.*` in `opensearch_dashboards.yml`, the saved object,
   * or `DO_NOT_TRACK`; in the browser also `role`, when this user's capabilities say they may not change it.
   */
  lockedBy?: 'environment' | 'config' | 'saved_object' | 'role';
  sendUsageFrom: TelemetrySendUsageFrom;
  /** Whether the "opted in by default" notice should be shown (opted in by config and not dismissed yet). */
  notifyUserAboutOptInDefault: boolean;
}

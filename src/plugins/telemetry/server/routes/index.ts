import { registerTelemetryOptInRoute } from './telemetry_opt_in';
import { registerTelemetryOptInStatsRoute } from './telemetry_opt_in_stats';
import { registerTelemetryStateRoute } from './telemetry_state';
import { registerTelemetryUsageStatsRoute } from './telemetry_usage_stats';
import { registerTelemetryUserHasSeenNotice } from './telemetry_user_has_seen_notice';
import type { TelemetryRouteDeps } from './types';

export type { TelemetryRouteDeps } from './types';

/** The four routes of upstream, at upstream's paths, and the state route the browser half reads. */
export function registerRoutes(deps: TelemetryRouteDeps) {
  registerTelemetryOptInRoute(deps);
  registerTelemetryUsageStatsRoute(deps);
  registerTelemetryOptInStatsRoute(deps);
  registerTelemetryUserHasSeenNotice(deps);
  registerTelemetryStateRoute(deps);
}

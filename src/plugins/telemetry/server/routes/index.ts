import { registerTelemetryOptInRoute } from './telemetry_opt_in';
import { registerTelemetryOptInStatsRoute } from './telemetry_opt_in_stats';
import { registerTelemetryStateRoute } from './telemetry_state';
import { registerTelemetryUsageStatsRoute } from './telemetry_usage_stats';
import { registerTelemetryUserHasSeenNotice } from './telemetry_user_has_seen_notice';
import { registerReportsDiffRoute } from './reports_diff';
import { registerReportsExportRoute } from './reports_export';
import { registerReportsGetRoute } from './reports_get';
import { registerReportsListRoute } from './reports_list';
import { registerReportsSendRoute } from './reports_send';
import type { ReportRouteDeps, TelemetryRouteDeps } from './types';

export type { ReportRouteDeps, TelemetryRouteDeps } from './types';

/** The four routes of upstream, at upstream's paths, and the state route the browser half reads. */
export function registerRoutes(deps: TelemetryRouteDeps) {
  registerTelemetryOptInRoute(deps);
  registerTelemetryUsageStatsRoute(deps);
  registerTelemetryOptInStatsRoute(deps);
  registerTelemetryUserHasSeenNotice(deps);
  registerTelemetryStateRoute(deps);
}

/** The report ledger's routes (`/api/telemetry/v2/reports*`), all for the telemetry admin (`telemetry:reports`). */
export function registerReportRoutes(deps: ReportRouteDeps) {
  registerReportsListRoute(deps);
  registerReportsSendRoute(deps);
  registerReportsExportRoute(deps);
  registerReportsGetRoute(deps);
  registerReportsDiffRoute(deps);
}

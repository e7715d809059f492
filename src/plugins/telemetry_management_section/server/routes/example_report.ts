import type { IRouter } from '../../../../core/server';
import type { TelemetryCollectionManagerGetters } from '../../../telemetry_collection_manager/server';
import { EXAMPLE_REPORT_FILE_NAME, EXAMPLE_REPORT_ROUTE } from '../../common';

/** The window of the example, as the report's default (the last 20 minutes). */
const WINDOW_MS = 20 * 60 * 1000;

export interface ExampleReportRouteDeps {
  router: IRouter;
  /** Start-time getter; undefined before start and when telemetry is disabled. */
  getStats: () => TelemetryCollectionManagerGetters['getStats'] | undefined;
  now?: () => number;
}

/**
 * `GET /api/telemetry_management_section/example_report`: the plain report of every cluster as a JSON file
 * (`Content-Disposition: attachment`), so that the flyout's Download saves exactly what an admin reviewed.
 * A collection failure is a 500 naming the reason; 403 when the caller may not read it.
 */
export function registerExampleReportRoute({ router, getStats, now = Date.now }: ExampleReportRouteDeps) {
  router.get(
    { path: EXAMPLE_REPORT_ROUTE, validate: false, options: { tags: ['access:telemetry:read_report'] } },
    router.handleLegacyErrors(async (_context, request, response) => {
      const stats = getStats();
      if (!stats) return response.customError({ statusCode: 503, body: { message: 'The telemetry report is not available (the server is starting, or telemetry is disabled).' } });
      const end = now();
      try {
        const reports = await stats({ unencrypted: true, request, start: new Date(end - WINDOW_MS).toISOString(), end: new Date(end).toISOString() });
        return response.ok({
          body: JSON.stringify(reports, null, 2),
          headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': `attachment; filename="${EXAMPLE_REPORT_FILE_NAME}"` },
        });
      } catch (error) {
        if ((error as { statusCode?: number }).statusCode === 403) return response.forbidden();
        return response.customError({ statusCode: 500, body: { message: `Could not build the example report: ${(error as Error).message}` } });
      }
    })
  );
}

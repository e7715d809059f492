import { ENDPOINT_VERSION } from '../../common/constants';
import { REPORTS_PRIVILEGE_TAG, type ReportRouteDeps } from './types';

const NOT_OPTED_IN = 'Telemetry is not opted in: no report is generated or sent. Opt in first (POST /api/telemetry/v2/optIn).';

/**
 * `POST /api/telemetry/v2/reports/_send`: builds a fresh report and sends it now through the server
 * sender's own path (kept as `generated` with `telemetry.generateOnly`). 200 `{ reports }` (the ledger
 * entries); 400 when the deployment is not opted in (nothing is built); 502 when the receiver did not take
 * it (the entries, `failed`, in `attributes.reports`); 500 when the report cannot be built.
 */
export function registerReportsSendRoute({ router, getSender }: ReportRouteDeps) {
  router.post(
    { path: `/api/telemetry/${ENDPOINT_VERSION}/reports/_send`, validate: false, options: { tags: [REPORTS_PRIVILEGE_TAG, 'audit:telemetry_report_send'] } },
    router.handleLegacyErrors(async (_context, _request, response) => {
      // No sender: the environment forces an opt-out (DO_NOT_TRACK, OSD_TELEMETRY_DISABLED).
      const sender = getSender();
      if (!sender) return response.badRequest({ body: `${NOT_OPTED_IN} Telemetry is disabled by the environment.` });
      let result;
      try {
        result = await sender.sendNow();
      } catch (error) {
        return response.customError({ statusCode: 500, body: { message: `Could not build the telemetry report: ${(error as Error).message}` } });
      }
      if (result.outcome === 'not_opted_in') return response.badRequest({ body: NOT_OPTED_IN });
      if (result.outcome === 'failed') {
        return response.customError({
          statusCode: 502,
          body: { message: `The telemetry report was not delivered: ${result.error.message}`, attributes: { reports: result.entries } },
        });
      }
      return response.ok({ body: { reports: result.entries } });
    })
  );
}

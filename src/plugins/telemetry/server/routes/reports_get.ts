import { ENDPOINT_VERSION } from '../../common/constants';
import { reportIdParams, reportNotFound, REPORTS_PRIVILEGE_TAG, type ReportRouteDeps } from './types';

/**
 * `GET /api/telemetry/v2/reports/{id}`: exactly the JSON text that was sent (or, encrypted or kept, that
 * would have been): the stored bytes, not a re-serialisation, so their SHA-256 is the entry's `sha256`.
 */
export function registerReportsGetRoute({ router, ledger }: ReportRouteDeps) {
  router.get(
    { path: `/api/telemetry/${ENDPOINT_VERSION}/reports/{id}`, validate: { params: reportIdParams }, options: { tags: [REPORTS_PRIVILEGE_TAG] } },
    router.handleLegacyErrors(async (_context, request, response) => {
      const { id } = request.params;
      const payload = await ledger.getPayload(id);
      if (payload === undefined) return response.notFound(reportNotFound(id));
      return response.ok({ body: payload, headers: { 'content-type': 'application/json; charset=utf-8' } });
    })
  );
}

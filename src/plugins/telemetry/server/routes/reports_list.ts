import { ENDPOINT_VERSION } from '../../common/constants';
import { REPORTS_PRIVILEGE_TAG, type ReportRouteDeps } from './types';

/** `GET /api/telemetry/v2/reports`: `{ reports }`, the ledger's entries newest first (metadata only). */
export function registerReportsListRoute({ router, ledger }: ReportRouteDeps) {
  router.get(
    { path: `/api/telemetry/${ENDPOINT_VERSION}/reports`, validate: false, options: { tags: [REPORTS_PRIVILEGE_TAG] } },
    router.handleLegacyErrors(async (_context, _request, response) => response.ok({ body: { reports: await ledger.list() } }))
  );
}

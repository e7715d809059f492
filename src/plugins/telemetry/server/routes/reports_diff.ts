import { ENDPOINT_VERSION } from '../../common/constants';
import { diffJson, DIFF_LIMITS } from '../ledger';
import { reportIdParams, reportNotFound, REPORTS_PRIVILEGE_TAG, type ReportRouteDeps } from './types';

/**
 * `GET /api/telemetry/v2/reports/{id}/_diff`: `{ id, against, changes: [{ path, kind, before?, after? }],
 * truncated }`, what changed since the previous report of the same cluster (`against: null` and no changes
 * for the first one). Bounded: at most `DIFF_LIMITS.maxChanges` changes, long values summarised.
 */
export function registerReportsDiffRoute({ router, ledger }: ReportRouteDeps) {
  router.get(
    { path: `/api/telemetry/${ENDPOINT_VERSION}/reports/{id}/_diff`, validate: { params: reportIdParams }, options: { tags: [REPORTS_PRIVILEGE_TAG] } },
    router.handleLegacyErrors(async (_context, request, response) => {
      const { id } = request.params;
      const entry = await ledger.get(id);
      const payload = entry && (await ledger.getPayload(id));
      if (!entry || payload === undefined) return response.notFound(reportNotFound(id));
      const previous = await ledger.previousOf(entry);
      const before = previous && (await ledger.getPayload(previous.id));
      // Nothing to compare with: the first report (or its predecessor's payload is gone).
      const diff = previous && before !== undefined ? diffJson(JSON.parse(before), JSON.parse(payload)) : { changes: [], truncated: false };
      const against = previous && before !== undefined ? previous.id : null;
      return response.ok({ body: { id, against, ...diff, maxChanges: DIFF_LIMITS.maxChanges } });
    })
  );
}

import { API_BASE } from '../../common';
import { readReports } from '../lib/insights_data';
import { ACCESS_TAGS, NOT_STARTED, type InsightsRouteDeps } from './types';

/** `GET /api/usage_insights/reports`: the ledger's newest reports (size, status, level), oldest first. */
export function registerReportsRoute({ router, getServices }: InsightsRouteDeps) {
  router.get(
    { path: `${API_BASE}/reports`, validate: false, options: { tags: ACCESS_TAGS } },
    router.handleLegacyErrors(async (_context, _request, response) => {
      const services = getServices();
      if (!services) return response.customError(NOT_STARTED);
      return response.ok({ body: await readReports(services.ledger) });
    })
  );
}

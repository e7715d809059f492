import { API_BASE } from '../../common';
import { readUsageCounters } from '../lib/insights_data';
import { daysQuery } from './query_schemas';
import { ACCESS_TAGS, NOT_STARTED, type InsightsRouteDeps } from './types';

/** `GET /api/usage_insights/usage_counters?days=N`: server-side usage counters by domain, with daily totals. */
export function registerUsageCountersRoute({ router, getServices }: InsightsRouteDeps) {
  router.get(
    { path: `${API_BASE}/usage_counters`, validate: { query: daysQuery }, options: { tags: ACCESS_TAGS } },
    router.handleLegacyErrors(async (_context, request, response) => {
      const services = getServices();
      if (!services) return response.customError(NOT_STARTED);
      return response.ok({ body: await readUsageCounters(services.data, request.query.days) });
    })
  );
}

import { API_BASE } from '../../common';
import { readUiEvents } from '../lib/insights_data';
import { limitQuery } from './query_schemas';
import { ACCESS_TAGS, NOT_STARTED, type InsightsRouteDeps } from './types';

/** `GET /api/usage_insights/ui_events?limit=N`: the top UI events (all-time) with their 7-day and 30-day counts. */
export function registerUiEventsRoute({ router, getServices }: InsightsRouteDeps) {
  router.get(
    { path: `${API_BASE}/ui_events`, validate: { query: limitQuery }, options: { tags: ACCESS_TAGS } },
    router.handleLegacyErrors(async (_context, request, response) => {
      const services = getServices();
      if (!services) return response.customError(NOT_STARTED);
      return response.ok({ body: await readUiEvents(services.data, request.query.limit) });
    })
  );
}

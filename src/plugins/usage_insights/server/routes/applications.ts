import { API_BASE } from '../../common';
import { readApplications } from '../lib/insights_data';
import { daysQuery } from './query_schemas';
import { ACCESS_TAGS, NOT_STARTED, type InsightsRouteDeps } from './types';

/** `GET /api/usage_insights/applications?days=N`: minutes on screen and clicks per application per UTC day. */
export function registerApplicationsRoute({ router, getServices }: InsightsRouteDeps) {
  router.get(
    { path: `${API_BASE}/applications`, validate: { query: daysQuery }, options: { tags: ACCESS_TAGS } },
    router.handleLegacyErrors(async (_context, request, response) => {
      const services = getServices();
      if (!services) return response.customError(NOT_STARTED);
      return response.ok({ body: await readApplications(services.data, request.query.days) });
    })
  );
}

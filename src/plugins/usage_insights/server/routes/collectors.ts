import { API_BASE } from '../../common';
import { ACCESS_TAGS, NOT_STARTED, type InsightsRouteDeps } from './types';

/** `GET /api/usage_insights/collectors`: each collector's status, fetch time and dropped fields (cached a minute). */
export function registerCollectorsRoute({ router, getServices }: InsightsRouteDeps) {
  router.get(
    { path: `${API_BASE}/collectors`, validate: false, options: { tags: ACCESS_TAGS } },
    router.handleLegacyErrors(async (_context, _request, response) => {
      const services = getServices();
      if (!services) return response.customError(NOT_STARTED);
      return response.ok({ body: await services.health.get() });
    })
  );
}

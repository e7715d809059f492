import { registerApplicationsRoute } from './applications';
import { registerCollectorsRoute } from './collectors';
import { registerReportsRoute } from './reports';
import type { InsightsRouteDeps } from './types';
import { registerUiEventsRoute } from './ui_events';
import { registerUsageCountersRoute } from './usage_counters';

export type { InsightsRouteDeps, InsightsServices } from './types';

export function registerRoutes(deps: InsightsRouteDeps) {
  registerApplicationsRoute(deps);
  registerUiEventsRoute(deps);
  registerUsageCountersRoute(deps);
  registerReportsRoute(deps);
  registerCollectorsRoute(deps);
}

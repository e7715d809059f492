import type { IRouter, ISavedObjectsRepository } from '../../../../core/server';
import { USAGE_INSIGHTS_PRIVILEGE } from '../../common';
import type { CollectorHealth } from '../lib/collector_health';
import type { InsightsData } from '../lib/insights_data';

/** Every route of the API: admin only (only the admin role holds the privilege). */
export const ACCESS_TAGS = [`access:${USAGE_INSIGHTS_PRIVILEGE}`];

/** What start provides; undefined before it (routes then answer 503). */
export interface InsightsServices {
  data: InsightsData;
  /** The ledger's repository; undefined when the telemetry plugin (and its types) is absent. */
  ledger?: ISavedObjectsRepository;
  health: CollectorHealth;
}

export interface InsightsRouteDeps {
  router: IRouter;
  getServices: () => InsightsServices | undefined;
}

export const NOT_STARTED = { statusCode: 503, body: { message: 'Usage insights are not available yet (the server is starting).' } };

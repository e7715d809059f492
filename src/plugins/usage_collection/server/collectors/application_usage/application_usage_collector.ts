import type { SavedObjectsClientContract } from '../../../../../core/server';
import type { MakeSchemaFrom } from '../../collector';
import type { UsageCollectionSetup } from '../../types';
import { findAll } from '../find_all';
import {
  APPLICATION_USAGE_DAILY_TYPE,
  APPLICATION_USAGE_TOTALS_TYPE,
  APPLICATION_USAGE_TRANSACTIONAL_TYPE,
  ApplicationUsageAttributes,
} from './saved_object_types';

/** Clicks and minutes on screen of one application, over all time and the last 7, 30 and 90 days. */
export interface ApplicationUsageTotals {
  clicks_total: number;
  clicks_7_days: number;
  clicks_30_days: number;
  clicks_90_days: number;
  minutes_on_screen_total: number;
  minutes_on_screen_7_days: number;
  minutes_on_screen_30_days: number;
  minutes_on_screen_90_days: number;
}

/** `{ [appId]: totals }`. */
export interface ApplicationUsageTelemetryReport {
  [appId: string]: ApplicationUsageTotals;
}

const clicks = (description: string) => ({ type: 'long' as const, _meta: { description } });
const minutes = (description: string) => ({ type: 'float' as const, _meta: { description } });

export const applicationUsageSchema: MakeSchemaFrom<ApplicationUsageTelemetryReport> = {
  DYNAMIC_KEY: {
    clicks_total: clicks('Clicks in the application, all time'),
    clicks_7_days: clicks('Clicks in the application, last 7 days'),
    clicks_30_days: clicks('Clicks in the application, last 30 days'),
    clicks_90_days: clicks('Clicks in the application, last 90 days'),
    minutes_on_screen_total: minutes('Minutes the application was on screen, all time'),
    minutes_on_screen_7_days: minutes('Minutes on screen, last 7 days'),
    minutes_on_screen_30_days: minutes('Minutes on screen, last 30 days'),
    minutes_on_screen_90_days: minutes('Minutes on screen, last 90 days'),
  },
};

const DAY_MS = 24 * 60 * 60 * 1000;

const emptyTotals = (): ApplicationUsageTotals => ({
  clicks_total: 0,
  clicks_7_days: 0,
  clicks_30_days: 0,
  clicks_90_days: 0,
  minutes_on_screen_total: 0,
  minutes_on_screen_7_days: 0,
  minutes_on_screen_30_days: 0,
  minutes_on_screen_90_days: 0,
});

/**
 * The report from the three layers: totals (older than 90 days, already rolled up) count only towards
 * `*_total`; daily and transactional documents count towards the total and every window they fall in.
 */
export function computeApplicationUsage(
  layers: { totals: ApplicationUsageAttributes[]; recent: ApplicationUsageAttributes[] },
  now: Date
): ApplicationUsageTelemetryReport {
  // No prototype: an app id is data, even "__proto__".
  const report: ApplicationUsageTelemetryReport = Object.create(null);
  const entry = (appId: string) => report[appId] ?? (report[appId] = emptyTotals());
  for (const { appId, numberOfClicks, minutesOnScreen } of layers.totals) {
    const app = entry(appId);
    app.clicks_total += numberOfClicks || 0;
    app.minutes_on_screen_total += minutesOnScreen || 0;
  }
  const nowMs = now.getTime();
  for (const { appId, numberOfClicks, minutesOnScreen, timestamp } of layers.recent) {
    const app = entry(appId);
    const clicksAdded = numberOfClicks || 0;
    const minutesAdded = minutesOnScreen || 0;
    app.clicks_total += clicksAdded;
    app.minutes_on_screen_total += minutesAdded;
    const age = nowMs - Date.parse(timestamp ?? '');
    if (!(age <= 90 * DAY_MS)) continue;
    app.clicks_90_days += clicksAdded;
    app.minutes_on_screen_90_days += minutesAdded;
    if (age <= 30 * DAY_MS) {
      app.clicks_30_days += clicksAdded;
      app.minutes_on_screen_30_days += minutesAdded;
    }
    if (age <= 7 * DAY_MS) {
      app.clicks_7_days += clicksAdded;
      app.minutes_on_screen_7_days += minutesAdded;
    }
  }
  return report;
}

/** Registers `application_usage`: reads every document of the three layers, page by page. */
export function registerApplicationUsageCollector(
  usageCollection: UsageCollectionSetup,
  getSavedObjectsClient: () => SavedObjectsClientContract | undefined,
  now: () => Date = () => new Date()
) {
  const collector = usageCollection.makeUsageCollector<ApplicationUsageTelemetryReport>({
    type: 'application_usage',
    schema: applicationUsageSchema,
    isReady: () => getSavedObjectsClient() !== undefined,
    fetch: async (_callCluster, _opensearchClient, { savedObjectsClient }) => {
      const client = savedObjectsClient ?? getSavedObjectsClient();
      if (!client) return undefined;
      const [totals, daily, transactional] = await Promise.all(
        [APPLICATION_USAGE_TOTALS_TYPE, APPLICATION_USAGE_DAILY_TYPE, APPLICATION_USAGE_TRANSACTIONAL_TYPE].map((type) =>
          findAll<ApplicationUsageAttributes>(client, { type })
        )
      );
      const attributes = (objects: typeof totals) => objects.map((o) => o.attributes);
      return computeApplicationUsage({ totals: attributes(totals), recent: [...attributes(daily), ...attributes(transactional)] }, now());
    },
  });
  usageCollection.registerCollector(collector);
}

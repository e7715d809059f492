import type { SavedObjectsClientContract } from '../../../../../core/server';
import type { MakeSchemaFrom } from '../../collector';
import type { UsageCollectionSetup } from '../../types';
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

/**
 * The report's budget: at most this many applications, the most clicked first (then the most minutes,
 * then the id). Real deployments have tens of applications; application ids come from browsers, so
 * without a bound one client could grow the report without limit. Applications past it are left out.
 */
export const APPLICATION_USAGE_MAX_APPS = 1000;

/** Documents read per page of each layer: one bounded read, and a short slice of work for the event loop. */
export const APPLICATION_USAGE_PAGE_SIZE = 1000;

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

/** A stored click or minute count: a finite, non-negative number, anything else (corrupt data) counts 0. */
const amount = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0);

/**
 * Folds the three layers into per-application sums as documents are read, so only one entry per
 * application is held, never the documents. Totals (older than 90 days, already rolled up) count only
 * towards `*_total`; daily and transactional documents count towards the total and every window they
 * fall in.
 */
export class ApplicationUsageAccumulator {
  // No prototype: an app id is data, even "__proto__".
  private readonly apps: Record<string, ApplicationUsageTotals> = Object.create(null);
  private readonly nowMs: number;

  constructor(now: Date) {
    this.nowMs = now.getTime();
  }

  public addTotals({ appId, numberOfClicks, minutesOnScreen }: Partial<ApplicationUsageAttributes>) {
    if (typeof appId !== 'string' || appId === '') return;
    const app = this.entry(appId);
    app.clicks_total += amount(numberOfClicks);
    app.minutes_on_screen_total += amount(minutesOnScreen);
  }

  public addRecent({ appId, numberOfClicks, minutesOnScreen, timestamp }: Partial<ApplicationUsageAttributes>) {
    if (typeof appId !== 'string' || appId === '') return;
    const app = this.entry(appId);
    const clicksAdded = amount(numberOfClicks);
    const minutesAdded = amount(minutesOnScreen);
    app.clicks_total += clicksAdded;
    app.minutes_on_screen_total += minutesAdded;
    const age = this.nowMs - Date.parse(typeof timestamp === 'string' ? timestamp : '');
    if (!(age <= 90 * DAY_MS)) return;
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

  /** The report: the `maxApps` most used applications, most used first, clicks as whole numbers (the schema's `long`). */
  public toReport(maxApps = APPLICATION_USAGE_MAX_APPS): ApplicationUsageTelemetryReport {
    const ranked = Object.keys(this.apps).sort((a, b) => {
      const x = this.apps[a];
      const y = this.apps[b];
      return y.clicks_total - x.clicks_total || y.minutes_on_screen_total - x.minutes_on_screen_total || (a < b ? -1 : a > b ? 1 : 0);
    });
    const report: ApplicationUsageTelemetryReport = Object.create(null);
    for (const appId of ranked.slice(0, maxApps)) {
      const app = this.apps[appId];
      report[appId] = {
        ...app,
        clicks_total: Math.round(app.clicks_total),
        clicks_7_days: Math.round(app.clicks_7_days),
        clicks_30_days: Math.round(app.clicks_30_days),
        clicks_90_days: Math.round(app.clicks_90_days),
      };
    }
    return report;
  }

  private entry(appId: string) {
    return this.apps[appId] ?? (this.apps[appId] = emptyTotals());
  }
}

/** The report from layers already in memory (tests, small callers); see ApplicationUsageAccumulator. */
export function computeApplicationUsage(
  layers: { totals: ApplicationUsageAttributes[]; recent: ApplicationUsageAttributes[] },
  now: Date,
  maxApps = APPLICATION_USAGE_MAX_APPS
): ApplicationUsageTelemetryReport {
  const accumulator = new ApplicationUsageAccumulator(now);
  for (const attributes of layers.totals) accumulator.addTotals(attributes);
  for (const attributes of layers.recent) accumulator.addRecent(attributes);
  return accumulator.toReport(maxApps);
}

/**
 * Reads the three layers with keyset scans, page by page (the store reads off the event loop; this side
 * folds each bounded page), so thousands of daily documents never stall the server.
 */
export async function collectApplicationUsage(
  client: Pick<SavedObjectsClientContract, 'scan'>,
  now: Date,
  maxApps = APPLICATION_USAGE_MAX_APPS
): Promise<ApplicationUsageTelemetryReport> {
  const accumulator = new ApplicationUsageAccumulator(now);
  const layers = [
    { type: APPLICATION_USAGE_TOTALS_TYPE, add: (a: Partial<ApplicationUsageAttributes>) => accumulator.addTotals(a) },
    { type: APPLICATION_USAGE_DAILY_TYPE, add: (a: Partial<ApplicationUsageAttributes>) => accumulator.addRecent(a) },
    { type: APPLICATION_USAGE_TRANSACTIONAL_TYPE, add: (a: Partial<ApplicationUsageAttributes>) => accumulator.addRecent(a) },
  ];
  for (const { type, add } of layers) {
    for await (const page of client.scan<Partial<ApplicationUsageAttributes>>({ type, perPage: APPLICATION_USAGE_PAGE_SIZE })) {
      for (const object of page) add(object.attributes ?? {});
    }
  }
  return accumulator.toReport(maxApps);
}

/** Registers `application_usage`: the three layers folded per application, within the report's budget. */
export function registerApplicationUsageCollector(
  usageCollection: UsageCollectionSetup,
  getSavedObjectsClient: () => SavedObjectsClientContract | undefined,
  now: () => Date = () => new Date(),
  options: { maxApps?: number } = {}
) {
  const collector = usageCollection.makeUsageCollector<ApplicationUsageTelemetryReport>({
    type: 'application_usage',
    category: 'usage',
    schema: applicationUsageSchema,
    isReady: () => getSavedObjectsClient() !== undefined,
    fetch: async (_callCluster, _opensearchClient, { savedObjectsClient }) => {
      const client = savedObjectsClient ?? getSavedObjectsClient();
      if (!client) return undefined;
      return collectApplicationUsage(client, now(), options.maxApps);
    },
  });
  usageCollection.registerCollector(collector);
}

import type { SavedObjectsType } from '../../../../../core/server';

/** Per application, everything older than 90 days: `{ appId, minutesOnScreen, numberOfClicks }`, id = appId. */
export const APPLICATION_USAGE_TOTALS_TYPE = 'application_usage_totals';
/** Per application and UTC day: `{ appId, minutesOnScreen, numberOfClicks, timestamp }`, id = `<appId>:<YYYY-MM-DD>`. */
export const APPLICATION_USAGE_DAILY_TYPE = 'application_usage_daily';
/** One document per stored batch of reports: `{ appId, minutesOnScreen, numberOfClicks, timestamp }`. */
export const APPLICATION_USAGE_TRANSACTIONAL_TYPE = 'application_usage_transactional';

/** The three application-usage types, as upstream registers them. */
export const applicationUsageSavedObjectTypes: SavedObjectsType[] = [
  {
    name: APPLICATION_USAGE_TOTALS_TYPE,
    hidden: false,
    namespaceType: 'agnostic',
    mappings: { dynamic: false, properties: {} },
  },
  {
    name: APPLICATION_USAGE_DAILY_TYPE,
    hidden: false,
    namespaceType: 'agnostic',
    mappings: { dynamic: false, properties: { timestamp: { type: 'date' } } },
  },
  {
    name: APPLICATION_USAGE_TRANSACTIONAL_TYPE,
    hidden: false,
    namespaceType: 'agnostic',
    mappings: { dynamic: false, properties: {} },
  },
];

/** The stored attributes of every application-usage document. */
export interface ApplicationUsageAttributes {
  appId: string;
  minutesOnScreen: number;
  numberOfClicks: number;
  timestamp?: string;
}

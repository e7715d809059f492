import type { SavedObjectsType } from '../../../../core/server';
import { UI_METRIC_DAILY_SAVED_OBJECT_TYPE, USAGE_COUNTERS_SAVED_OBJECT_TYPE } from './constants';

/*
 * Both types are hidden: only this plugin's internal repository (and readers that ask for them by name)
 * may touch them, never a client through `/api/saved_objects`, which could otherwise forge or erase counts.
 * Upstream's `usage-counters` is not hidden; its saved-objects API is behind a privilege model this
 * platform's `saved_objects:write` does not refine per type.
 */

/** `<domainId>:<counterName>:<counterType>:<YYYY-MM-DD>` → `{ domainId, counterName, counterType, date, count }`. */
export const usageCountersSavedObjectType: SavedObjectsType = {
  name: USAGE_COUNTERS_SAVED_OBJECT_TYPE,
  hidden: true,
  namespaceType: 'agnostic',
  mappings: {
    dynamic: false,
    properties: {
      domainId: { type: 'keyword' },
      counterName: { type: 'keyword' },
      counterType: { type: 'keyword' },
      // `YYYY-MM-DD`: as a keyword, days sort and compare as their strings do.
      date: { type: 'keyword' },
      count: { type: 'long' },
    },
  },
};

/** `<appName>:<eventName>:<YYYY-MM-DD>` → `{ appName, eventName, date, count }`. */
export const uiMetricDailySavedObjectType: SavedObjectsType = {
  name: UI_METRIC_DAILY_SAVED_OBJECT_TYPE,
  hidden: true,
  namespaceType: 'agnostic',
  mappings: {
    dynamic: false,
    properties: {
      appName: { type: 'keyword' },
      eventName: { type: 'keyword' },
      date: { type: 'keyword' },
      count: { type: 'long' },
    },
  },
};

export const usageCountersSavedObjectTypes = [usageCountersSavedObjectType, uiMetricDailySavedObjectType];

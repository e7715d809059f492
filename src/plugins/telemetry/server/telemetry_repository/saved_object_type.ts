import type { SavedObjectsType } from '../../../../core/server';
import { TELEMETRY_SAVED_OBJECT_TYPE } from '../../common/constants';

/**
 * The `telemetry` type: one document (id `telemetry`) shared by every server on the store. Hidden, as
 * upstream's: only the telemetry plugin's own routes (which check the opt-in lock and audit the change)
 * read or write it, never the generic saved-objects API.
 */
export const telemetrySavedObjectType: SavedObjectsType = {
  name: TELEMETRY_SAVED_OBJECT_TYPE,
  hidden: true,
  namespaceType: 'agnostic',
  mappings: {
    properties: {
      enabled: { type: 'boolean' },
      level: { type: 'keyword' },
      sendUsageFrom: { type: 'keyword' },
      lastReported: { type: 'date' },
      lastReportAttempt: { type: 'date' },
      lastVersionChecked: { type: 'keyword' },
      userHasSeenNotice: { type: 'boolean' },
      reportFailureCount: { type: 'integer' },
      reportFailureVersion: { type: 'keyword' },
      allowChangingOptInStatus: { type: 'boolean' },
    },
  },
};

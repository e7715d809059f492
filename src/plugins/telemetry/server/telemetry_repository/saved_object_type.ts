import type { SavedObjectsType } from '../../../../core/server';
import { TELEMETRY_SAVED_OBJECT_TYPE } from '../../common/constants';

/** The `telemetry` type: one document (id `telemetry`) shared by every server on the store. */
export const telemetrySavedObjectType: SavedObjectsType = {
  name: TELEMETRY_SAVED_OBJECT_TYPE,
  hidden: false,
  namespaceType: 'agnostic',
  mappings: {
    properties: {
      enabled: { type: 'boolean' },
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

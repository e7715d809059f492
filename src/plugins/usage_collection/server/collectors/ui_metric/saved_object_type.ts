import type { SavedObjectsType } from '../../../../../core/server';
import { UI_METRIC_SAVED_OBJECT_TYPE } from '../../../common/constants';

/** One counter per `<appName>:<eventName>` (and per `<app>-user_agent:<user agent>`). */
export const uiMetricSavedObjectType: SavedObjectsType = {
  name: UI_METRIC_SAVED_OBJECT_TYPE,
  hidden: false,
  namespaceType: 'agnostic',
  mappings: {
    properties: {
      count: { type: 'integer' },
    },
  },
};

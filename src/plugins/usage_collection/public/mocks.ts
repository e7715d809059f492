import { METRIC_TYPE } from '@osd/analytics';
import type { UsageCollectionSetup, UsageCollectionStart } from './types';

/** jest-mocked browser contracts of usage_collection. */
export const usageCollectionPluginMock = {
  createSetupContract: (): jest.Mocked<UsageCollectionSetup> => ({
    reportUiStats: jest.fn(),
    allowTrackUserAgent: jest.fn(),
    METRIC_TYPE,
  }),
  createStartContract: (): jest.Mocked<UsageCollectionStart> => ({
    reportUiStats: jest.fn(),
    METRIC_TYPE,
  }),
};

import { TelemetryCollectionManagerPublicPlugin } from './plugin';

export type {
  TelemetryStatsClient,
  GetStatsOptions,
  GetOptInStatsOptions,
  StatsTimeRange,
  TelemetryCollectionManagerPublicSetup,
  TelemetryCollectionManagerPublicStart,
} from './types';
export { createStatsClient } from './stats_client';

export const plugin = () => new TelemetryCollectionManagerPublicPlugin();

/* Typed mocks of the collection manager's browser contracts, for public halves that depend on it. Only for Jest. */
import type { GetOptInStatsOptions, GetStatsOptions, TelemetryCollectionManagerPublicSetup, TelemetryStatsClient } from './types';

/** Both calls resolve no reports; set answers with `mockResolvedValue`. */
function createStatsClient(): jest.Mocked<TelemetryStatsClient> {
  return {
    getStats: jest.fn(async (_options: GetStatsOptions): Promise<unknown[]> => []),
    getOptInStats: jest.fn(async (_options: GetOptInStatsOptions): Promise<unknown[]> => []),
  };
}

const createSetupContract = (): jest.Mocked<TelemetryCollectionManagerPublicSetup> & { statsClient: jest.Mocked<TelemetryStatsClient> } => ({
  statsClient: createStatsClient(),
});

export const telemetryCollectionManagerPublicMock = { createSetupContract, createStartContract: createSetupContract, createStatsClient };

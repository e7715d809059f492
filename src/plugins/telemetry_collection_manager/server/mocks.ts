/*
 * Typed mocks of the collection manager's contracts, for plugins that depend on it. Only for Jest.
 */
import type { TelemetryCollectionManagerPluginSetup, TelemetryCollectionManagerPluginStart } from './types';

function createGetters() {
  return {
    getStats: jest.fn().mockResolvedValue([]),
    getOptInStats: jest.fn().mockResolvedValue([]),
    getSendableReports: jest.fn().mockResolvedValue([]),
    sealPlaintext: jest.fn().mockResolvedValue(null),
    areAllCollectorsReady: jest.fn().mockResolvedValue(true),
  };
}

function createSetupContract(): jest.Mocked<TelemetryCollectionManagerPluginSetup> {
  return { ...createGetters(), setCollection: jest.fn(), setEncryptionKey: jest.fn(), invalidateCache: jest.fn() } as jest.Mocked<TelemetryCollectionManagerPluginSetup>;
}

function createStartContract(): jest.Mocked<TelemetryCollectionManagerPluginStart> {
  return { ...createGetters(), setCollection: jest.fn(), invalidateCache: jest.fn() } as jest.Mocked<TelemetryCollectionManagerPluginStart>;
}

export const telemetryCollectionManagerPluginMock = { createSetupContract, createStartContract };

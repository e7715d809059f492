/*
 * Typed mocks of the server contract, for plugins that depend on usageCollection (and for this plugin's
 * own tests). Only for Jest.
 */
import type { Logger } from '../../../core/server';
import { CollectorSet } from './collector';
import type { UsageCollectionSetup } from './types';
import { UsageCountersService } from './usage_counters';

/** A logger whose methods are jest mocks; `get()` returns the same logger. */
export function createLoggerMock(): jest.Mocked<Logger> {
  const logger: jest.Mocked<Logger> = {
    trace: jest.fn(),
    debug: jest.fn(),
    info: jest.fn(),
    warn: jest.fn(),
    error: jest.fn(),
    fatal: jest.fn(),
    get: jest.fn(),
  };
  logger.get.mockReturnValue(logger);
  return logger;
}

/**
 * A setup contract backed by a real collector set (so collectors are really built and checked), with
 * every method a jest spy; `areAllCollectorsReady` resolves true.
 */
function createSetupContract(): jest.Mocked<UsageCollectionSetup> {
  const set = new CollectorSet({ logger: createLoggerMock(), maximumWaitTimeForAllCollectorsInS: 1, collectorFetchTimeoutInS: 1 });
  // Never started: counters check their arguments and buffer, nothing is stored.
  const counters = new UsageCountersService({ logger: createLoggerMock(), bufferDurationMs: 1000 });
  return {
    makeUsageCollector: jest.fn(set.makeUsageCollector),
    makeStatsCollector: jest.fn(set.makeStatsCollector),
    registerCollector: jest.fn(set.registerCollector),
    getCollectorByType: jest.fn(set.getCollectorByType),
    getCategory: jest.fn(set.getCategory),
    areAllCollectorsReady: jest.fn().mockResolvedValue(true),
    bulkFetch: jest.fn(set.bulkFetch),
    bulkFetchUsage: jest.fn(set.bulkFetchUsage),
    toObject: jest.fn(set.toObject),
    toApiFieldNames: jest.fn(set.toApiFieldNames),
    createUsageCounter: jest.fn(counters.createUsageCounter),
  } as jest.Mocked<UsageCollectionSetup>;
}

export const usageCollectionPluginMock = {
  createSetupContract,
};

import { configSchema } from './config';

const validate = (value: Record<string, unknown>) => configSchema.validate(value, { dev: false }, 'usageCollection');

describe('usageCollection config', () => {
  it('has defaults for the ingest limits', () => {
    const config = validate({});
    expect(config.uiMetric).toMatchObject({ maxKeys: 10000, maxReportsPerMinute: 120, batchingIntervalInS: 0 });
    expect(config.applicationUsage).toEqual({ maxApps: 1000 });
    expect(config.usageCounters).toEqual({ bufferDurationMs: 5000, retainDays: 5, historyDays: 90 });
  });

  it.each([
    [{ uiMetric: { maxKeys: 0 } }, '[usageCollection.uiMetric.maxKeys]: Value must be equal to or greater than [1].'],
    [{ uiMetric: { maxKeys: 2.5 } }, '[usageCollection.uiMetric.maxKeys]: must be an integer'],
    [{ uiMetric: { maxKeys: 'many' } }, '[usageCollection.uiMetric.maxKeys]: expected value of type [number] but got [string]'],
    [{ uiMetric: { maxReportsPerMinute: 0 } }, '[usageCollection.uiMetric.maxReportsPerMinute]: Value must be equal to or greater than [1].'],
    [{ uiMetric: { maxReportsPerMinute: 1e9 } }, '[usageCollection.uiMetric.maxReportsPerMinute]: Value must be equal to or lower than [10000000].'],
    [{ applicationUsage: { maxApps: 0 } }, '[usageCollection.applicationUsage.maxApps]: Value must be equal to or greater than [1].'],
    [{ uiMetric: { batchingIntervalInS: -1 } }, '[usageCollection.uiMetric.batchingIntervalInS]: Value must be equal to or greater than [0].'],
    [{ uiMetric: { batchingIntervalInS: 61 } }, '[usageCollection.uiMetric.batchingIntervalInS]: Value must be equal to or lower than [60].'],
    [{ collectorFetchTimeoutInS: 0 } as Record<string, unknown>, '[usageCollection.collectorFetchTimeoutInS]: must be greater than 0'],
    [{ collectorFetchTimeoutInS: 86400 }, '[usageCollection.collectorFetchTimeoutInS]: Value must be equal to or lower than [3600].'],
    [{ maximumWaitTimeForAllCollectorsInS: 7200 }, '[usageCollection.maximumWaitTimeForAllCollectorsInS]: Value must be equal to or lower than [3600].'],
    [{ usageCounters: { bufferDurationMs: 50 } }, '[usageCollection.usageCounters.bufferDurationMs]: Value must be equal to or greater than [100].'],
    [{ usageCounters: { bufferDurationMs: 600000 } }, '[usageCollection.usageCounters.bufferDurationMs]: Value must be equal to or lower than [60000].'],
    [{ usageCounters: { retainDays: 0 } }, '[usageCollection.usageCounters.retainDays]: Value must be equal to or greater than [1].'],
    [{ usageCounters: { retainDays: 1.5 } }, '[usageCollection.usageCounters.retainDays]: must be an integer'],
    [{ usageCounters: { historyDays: 4000 } }, '[usageCollection.usageCounters.historyDays]: Value must be equal to or lower than [3650].'],
    [{ usageCounters: { retainDays: 10, historyDays: 7 } }, '[usageCollection.usageCounters]: [historyDays] (7) must be at least [retainDays] (10)'],
  ])('refuses %j, naming the key', (value, message) => {
    expect(() => validate(value)).toThrow(message);
  });

  it('keeps a negative maximumWaitTimeForAllCollectorsInS (wait for ever) and accepts the bounds', () => {
    expect(validate({ maximumWaitTimeForAllCollectorsInS: -1 }).maximumWaitTimeForAllCollectorsInS).toBe(-1);
    expect(validate({ uiMetric: { maxKeys: 1, maxReportsPerMinute: 1, batchingIntervalInS: 60 }, applicationUsage: { maxApps: 1 } }).uiMetric.maxKeys).toBe(1);
  });
});

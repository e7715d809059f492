import { createLoggerMock, usageCollectionPluginMock } from '../../mocks';
import { createTestStore } from '../../test_store';
import { computeApplicationUsage, registerApplicationUsageCollector } from './application_usage_collector';
import { ApplicationUsageRollups, rollDailyData, rollTotals } from './rollups';

const DAY = 24 * 60 * 60 * 1000;
const now = new Date('2024-06-30T12:00:00.000Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY).toISOString();

describe('computeApplicationUsage', () => {
  it('adds totals to *_total only, and recent documents to every window they fall in', () => {
    const report = computeApplicationUsage(
      {
        totals: [{ appId: 'home', numberOfClicks: 100, minutesOnScreen: 50 }],
        recent: [
          { appId: 'home', numberOfClicks: 1, minutesOnScreen: 0.5, timestamp: daysAgo(1) },
          { appId: 'home', numberOfClicks: 2, minutesOnScreen: 1, timestamp: daysAgo(20) },
          { appId: 'home', numberOfClicks: 4, minutesOnScreen: 2, timestamp: daysAgo(60) },
          { appId: 'dev_tools', numberOfClicks: 8, minutesOnScreen: 4, timestamp: daysAgo(100) },
        ],
      },
      now
    );
    expect(report.home).toEqual({
      clicks_total: 107,
      clicks_7_days: 1,
      clicks_30_days: 3,
      clicks_90_days: 7,
      minutes_on_screen_total: 53.5,
      minutes_on_screen_7_days: 0.5,
      minutes_on_screen_30_days: 1.5,
      minutes_on_screen_90_days: 3.5,
    });
    expect(report.dev_tools).toMatchObject({ clicks_total: 8, clicks_90_days: 0 });
  });

  it('is empty without documents', () => {
    expect(computeApplicationUsage({ totals: [], recent: [] }, now)).toEqual({});
  });

  it('ignores amounts that are not finite non-negative numbers (corrupt data) and reports whole clicks', () => {
    const report = computeApplicationUsage(
      {
        totals: [{ appId: 'home', numberOfClicks: '5' as unknown as number, minutesOnScreen: -1 }],
        recent: [
          { appId: 'home', numberOfClicks: 1.4, minutesOnScreen: 0.25, timestamp: daysAgo(1) },
          { appId: 'home', numberOfClicks: NaN, minutesOnScreen: Infinity, timestamp: daysAgo(1) },
          { appId: 42 as unknown as string, numberOfClicks: 1, minutesOnScreen: 1, timestamp: daysAgo(1) },
        ],
      },
      now
    );
    expect(Object.keys(report)).toEqual(['home']);
    expect(report.home).toMatchObject({ clicks_total: 1, clicks_7_days: 1, minutes_on_screen_total: 0.25 });
  });

  it('keeps the budget: the most clicked applications first (then minutes, then id)', () => {
    const recent = Array.from({ length: 30 }, (_, i) => ({ appId: `app${String(i).padStart(2, '0')}`, numberOfClicks: i % 10, minutesOnScreen: i, timestamp: daysAgo(1) }));
    const report = computeApplicationUsage({ totals: [], recent }, now, 4);
    // Clicks 9 for app09, app19, app29; minutes break the tie; then app28 (8 clicks, 28 minutes).
    expect(Object.keys(report)).toEqual(['app29', 'app19', 'app09', 'app28']);
    expect(Object.keys(computeApplicationUsage({ totals: [], recent }, now))).toHaveLength(30);
  });
});

describe('application usage with a real store', () => {
  let store: Awaited<ReturnType<typeof createTestStore>>;
  beforeEach(async () => (store = await createTestStore()));
  afterEach(async () => store.close());

  const transactional = (appId: string, numberOfClicks: number, minutesOnScreen: number, timestamp: string) => ({
    type: 'application_usage_transactional',
    attributes: { appId, numberOfClicks, minutesOnScreen, timestamp },
  });

  it('the collector scans every document of all three layers page by page (no 10,000 cap)', async () => {
    const docs = Array.from({ length: 10_001 }, () => transactional('home', 1, 0.5, daysAgo(0)));
    await store.repository.bulkCreate(docs);
    await store.repository.bulkCreate([
      { type: 'application_usage_daily', id: 'home:old', attributes: { appId: 'home', numberOfClicks: 4, minutesOnScreen: 1, timestamp: daysAgo(40) } },
      { type: 'application_usage_totals', id: 'home', attributes: { appId: 'home', numberOfClicks: 100, minutesOnScreen: 10 } },
      { type: 'application_usage_totals', id: 'other', attributes: { appId: 'other', numberOfClicks: 1, minutesOnScreen: 1 } },
    ]);
    const usageCollection = usageCollectionPluginMock.createSetupContract();
    registerApplicationUsageCollector(usageCollection, () => store.client, () => now, { maxApps: 1 });
    const collector = usageCollection.getCollectorByType('application_usage')!;
    const scan = jest.spyOn(store.client, 'scan');
    const usage: any = await collector.fetch(undefined, undefined, { savedObjectsClient: store.client });
    expect(scan.mock.calls.map(([options]) => options)).toEqual([
      { type: 'application_usage_totals', perPage: 1000 },
      { type: 'application_usage_daily', perPage: 1000 },
      { type: 'application_usage_transactional', perPage: 1000 },
    ]);
    // The budget of one application keeps the most used.
    expect(Object.keys(usage)).toEqual(['home']);
    expect(usage.home).toMatchObject({ clicks_total: 10_105, clicks_7_days: 10_001, clicks_90_days: 10_005, minutes_on_screen_total: 5011.5 });
  });

  it('rollDailyData folds transactional documents into one daily document per app and day, then deletes them', async () => {
    await store.repository.bulkCreate([
      transactional('appId', 1, 0.5, '2020-01-01T10:31:00.000Z'),
      transactional('appId', 1, 0.5, '2020-01-01T11:00:00.000Z'),
      transactional('other', 3, 1, '2020-01-02T00:00:00.000Z'),
    ]);
    await rollDailyData(createLoggerMock(), store.repository);
    const daily = await store.repository.get<any>('application_usage_daily', 'appId:2020-01-01');
    expect(daily.attributes).toEqual({ appId: 'appId', numberOfClicks: 2, minutesOnScreen: 1, timestamp: '2020-01-01T00:00:00.000Z' });
    expect((await store.repository.find({ type: 'application_usage_transactional' })).total).toBe(0);

    // A later roll adds to the existing daily document.
    await store.repository.bulkCreate([transactional('appId', 5, 2, '2020-01-01T23:00:00.000Z')]);
    await rollDailyData(createLoggerMock(), store.repository);
    expect((await store.repository.get<any>('application_usage_daily', 'appId:2020-01-01')).attributes).toMatchObject({ numberOfClicks: 7, minutesOnScreen: 3 });
  });

  it('rollDailyData goes through more than one page', async () => {
    await store.repository.bulkCreate(Array.from({ length: 1500 }, (_, i) => transactional(`app${i % 2}`, 1, 1, '2020-01-01T10:00:00.000Z')));
    await rollDailyData(createLoggerMock(), store.repository);
    expect((await store.repository.find({ type: 'application_usage_transactional' })).total).toBe(0);
    expect((await store.repository.get<any>('application_usage_daily', 'app0:2020-01-01')).attributes.numberOfClicks).toBe(750);
  });

  it('rollTotals folds daily documents older than 90 days into the totals, and deletes them', async () => {
    const daily = (appId: string, clicks: number, timestamp: string) => ({
      type: 'application_usage_daily',
      id: `${appId}:${timestamp.slice(0, 10)}`,
      attributes: { appId, numberOfClicks: clicks, minutesOnScreen: clicks / 2, timestamp },
    });
    await store.repository.bulkCreate([daily('home', 10, daysAgo(100)), daily('home', 5, daysAgo(95)), daily('home', 1, daysAgo(3))]);
    await store.repository.create('application_usage_totals', { appId: 'home', numberOfClicks: 100, minutesOnScreen: 1 }, { id: 'home' });
    await rollTotals(createLoggerMock(), store.repository, now);
    expect((await store.repository.get<any>('application_usage_totals', 'home')).attributes).toEqual({ appId: 'home', numberOfClicks: 115, minutesOnScreen: 8.5 });
    const left = await store.repository.find<any>({ type: 'application_usage_daily' });
    expect(left.saved_objects.map((o) => o.attributes.numberOfClicks)).toEqual([1]);
  });

  it('the rollups do nothing without a repository, and log a failure at warn', async () => {
    await rollDailyData(createLoggerMock());
    const logger = createLoggerMock();
    await rollDailyData(logger, { find: () => Promise.reject(new Error('store down')) } as any);
    expect(logger.warn).toHaveBeenCalledWith('Failed to rollup transactional to daily entries: store down');
  });
});

describe('ApplicationUsageRollups', () => {
  afterEach(() => jest.useRealTimers());

  it('runs both rollups on their timers and stops with the plugin', async () => {
    jest.useFakeTimers();
    const find = jest.fn().mockResolvedValue({ saved_objects: [], total: 0 });
    // Each run of rollTotals starts one (empty) scan.
    const scan = jest.fn(async function* () {});
    const rollups = new ApplicationUsageRollups({
      logger: createLoggerMock(),
      getRepository: () => ({ find, scan } as any),
      initialDelayMs: 100,
      dailyIntervalMs: 1000,
      totalsIntervalMs: 5000,
    });
    rollups.start();
    expect(find).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(100);
    expect([find.mock.calls.length, scan.mock.calls.length]).toEqual([1, 1]);
    await jest.advanceTimersByTimeAsync(1000);
    expect([find.mock.calls.length, scan.mock.calls.length]).toEqual([2, 1]);
    await jest.advanceTimersByTimeAsync(4000);
    expect([find.mock.calls.length, scan.mock.calls.length]).toEqual([6, 2]);
    await rollups.stop();
    await jest.advanceTimersByTimeAsync(10_000);
    expect([find.mock.calls.length, scan.mock.calls.length]).toEqual([6, 2]);
    expect(jest.getTimerCount()).toBe(0);
  });
});

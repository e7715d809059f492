import { ReportSendError } from './http';
import { METRIC_TYPE } from './metrics';
import type { Report } from './report';
import { Reporter } from './reporter';
import type { ReporterConfig } from './reporter_config';
import { createMemoryStorage } from './storage';

function setup(overrides: Partial<ReporterConfig> = {}) {
  const sent: Report[] = [];
  const http = jest.fn(async (report: Report) => {
    sent.push(report);
  });
  const storage = createMemoryStorage();
  const set = jest.spyOn(storage, 'set');
  const logger = { debug: jest.fn(), warn: jest.fn() };
  const config: ReporterConfig = { http, storage, flushIntervalMs: 10000, logger, random: () => 0, ...overrides };
  return { sent, http, storage, set, logger, config, reporter: new Reporter(config) };
}

const flushPromises = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('Reporter', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('batches metrics and sends them every flush interval, one metric per event name', async () => {
    const { reporter, sent } = setup();
    reporter.start();
    reporter.reportUiStats('app', METRIC_TYPE.CLICK, ['a', 'b']);
    reporter.reportUiStats('app', METRIC_TYPE.CLICK, 'a', 2);
    await jest.advanceTimersByTimeAsync(9999);
    expect(sent).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([
      {
        reportVersion: 1,
        uiStatsMetrics: {
          'app-click-a': { key: 'app-click-a', appName: 'app', eventName: 'a', type: 'click', stats: { min: 1, max: 2, sum: 3, avg: 1.5 } },
          'app-click-b': { key: 'app-click-b', appName: 'app', eventName: 'b', type: 'click', stats: { min: 1, max: 1, sum: 1, avg: 1 } },
        },
      },
    ]);
    // Nothing new: nothing sent.
    await jest.advanceTimersByTimeAsync(30000);
    expect(sent).toHaveLength(1);
  });

  it('writes storage at most once per second, not once per event', async () => {
    const { reporter, set, storage } = setup();
    for (let i = 0; i < 50; i++) reporter.reportUiStats('app', METRIC_TYPE.COUNT, 'ev');
    expect(set).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1000);
    expect(set).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 50; i++) {
      reporter.reportUiStats('app', METRIC_TYPE.COUNT, 'ev');
      await jest.advanceTimersByTimeAsync(20);
    }
    expect(set).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(1000);
    expect(set).toHaveBeenCalledTimes(2);
    expect((storage.get('analytics') as Report).uiStatsMetrics!['app-count-ev'].stats.sum).toBe(100);
  });

  it('loses nothing over a reload: a new reporter on the same storage sends what the old one kept', async () => {
    const first = setup();
    first.reporter.reportUiStats('app', METRIC_TYPE.CLICK, 'ev');
    first.reporter.persistNow();
    const second = new Reporter({ ...first.config });
    second.start();
    await jest.advanceTimersByTimeAsync(10000);
    expect(first.sent).toHaveLength(1);
    expect(first.sent[0].uiStatsMetrics!['app-click-ev'].stats.sum).toBe(1);
    expect(first.storage.get('analytics')).toBeUndefined();
  });

  it('adopts what closed pages left under other keys, never what an open tab keeps', async () => {
    const storage = createMemoryStorage();
    const old = new Reporter({ http: jest.fn(), storage, storageKey: 'analytics:closed', flushIntervalMs: 10000 });
    old.reportUiStats('app', METRIC_TYPE.CLICK, 'ev', 2);
    old.persistNow();
    await jest.advanceTimersByTimeAsync(60000);
    const live = new Reporter({ http: jest.fn(), storage, storageKey: 'analytics:live', flushIntervalMs: 10000 });
    live.reportUiStats('app', METRIC_TYPE.CLICK, 'ev', 5);
    live.persistNow();
    storage.set('unrelated', 1);
    // A key from before per-tab keys (no savedAt) is an orphan too.
    storage.set('analytics', { reportVersion: 1, application_usage: { a: { minutesOnScreen: 1, numberOfClicks: 1 } } });

    await jest.advanceTimersByTimeAsync(10 * 60 * 1000 - 60000); // the closed page's key is now 10 min old
    const sent: Report[] = [];
    const fresh = new Reporter({ http: async (r) => void sent.push(r), storage, storageKey: 'analytics:new', flushIntervalMs: 10000, orphanAfterMs: 10 * 60 * 1000 });
    expect(storage.keys().sort()).toEqual(['analytics:live', 'analytics:new', 'unrelated']);
    await fresh.flush();
    expect(sent).toEqual([
      {
        reportVersion: 1,
        uiStatsMetrics: { 'app-click-ev': expect.objectContaining({ stats: { min: 2, max: 2, sum: 2, avg: 2 } }) },
        application_usage: { a: { minutesOnScreen: 1, numberOfClicks: 1 } },
      },
    ]);
    expect(storage.keys().sort()).toEqual(['analytics:live', 'unrelated']);
  });

  it('keeps the report in flight in storage until the server confirms it', async () => {
    let resolve!: () => void;
    const { reporter, storage, http } = setup();
    http.mockImplementationOnce(() => new Promise<void>((r) => (resolve = r)));
    reporter.reportUiStats('app', METRIC_TYPE.CLICK, 'ev');
    const done = reporter.flush();
    reporter.reportUiStats('app', METRIC_TYPE.CLICK, 'other');
    reporter.persistNow();
    const stored = storage.get('analytics') as Report & { savedAt: number };
    expect(Object.keys(stored.uiStatsMetrics!)).toEqual(['app-click-ev', 'app-click-other']);
    expect(stored.savedAt).toBe(Date.now());
    resolve();
    await done;
    reporter.persistNow();
    expect(Object.keys((storage.get('analytics') as Report).uiStatsMetrics!)).toEqual(['app-click-other']);
  });

  it('retries 5xx and network failures with a doubling wait, merging new metrics in', async () => {
    const { reporter, http, sent, logger } = setup({ maxRetryIntervalMs: 35000 });
    http.mockRejectedValueOnce(new ReportSendError('503', { status: 503 })).mockRejectedValueOnce(new ReportSendError('network'));
    reporter.start();
    reporter.reportUiStats('app', METRIC_TYPE.COUNT, 'ev', 2);
    await jest.advanceTimersByTimeAsync(10000); // fails
    expect(reporter.isFailing()).toBe(true);
    reporter.reportUiStats('app', METRIC_TYPE.COUNT, 'ev', 4);
    await jest.advanceTimersByTimeAsync(19999);
    expect(http).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1); // 20 s later: fails again
    expect(http).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(34999); // capped at 35 s, not 40 s
    expect(http).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([
      { reportVersion: 1, uiStatsMetrics: { 'app-count-ev': expect.objectContaining({ stats: { min: 2, max: 4, sum: 6, avg: 3 } }) } },
    ]);
    expect(reporter.isFailing()).toBe(false);
    expect(logger.warn).toHaveBeenCalledTimes(2);
    // Back to the normal interval.
    reporter.reportUiStats('app', METRIC_TYPE.COUNT, 'ev');
    await jest.advanceTimersByTimeAsync(10000);
    expect(sent).toHaveLength(2);
  });

  it('drops a report the server refuses (4xx) with a warning, and goes on', async () => {
    const { reporter, http, sent, logger, storage } = setup();
    http.mockRejectedValueOnce(new ReportSendError('400 [request body.report.uiStatsMetrics]: bad', { status: 400 }));
    reporter.start();
    reporter.reportUiStats('app', METRIC_TYPE.COUNT, 'ev');
    await jest.advanceTimersByTimeAsync(10000);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('refused a ui metric report, which is dropped: 400'));
    await jest.advanceTimersByTimeAsync(1000);
    expect(storage.get('analytics')).toBeUndefined();
    reporter.reportUiStats('app', METRIC_TYPE.COUNT, 'next');
    await jest.advanceTimersByTimeAsync(10000);
    expect(sent.map((r) => Object.keys(r.uiStatsMetrics!))).toEqual([['app-count-next']]);
  });

  it('records application usage: minutes and clicks per app, closed on app change and when hidden', async () => {
    const { reporter, sent } = setup();
    reporter.reportApplicationUsage('a');
    reporter.reportClick();
    reporter.reportClick();
    await jest.advanceTimersByTimeAsync(30000);
    reporter.reportApplicationUsage('b');
    reporter.reportClick();
    await jest.advanceTimersByTimeAsync(60000);
    reporter.reportApplicationUsage(undefined); // hidden
    reporter.reportClick(); // not counted: no app on screen
    await jest.advanceTimersByTimeAsync(60000);
    reporter.resumeApplicationUsage();
    await jest.advanceTimersByTimeAsync(6000);
    reporter.reportApplicationUsage('a');
    await reporter.flush();
    expect(sent[0].application_usage).toEqual({
      a: { minutesOnScreen: 0.5, numberOfClicks: 2 },
      b: { minutesOnScreen: 1.1, numberOfClicks: 1 },
    });
  });

  it('on leaving the page: closes the session, sends with the server healthy, keeps in storage when it is not', async () => {
    const healthy = setup();
    healthy.reporter.reportApplicationUsage('a');
    healthy.reporter.reportClick();
    healthy.reporter.leave();
    expect(healthy.sent).toEqual([{ reportVersion: 1, application_usage: { a: { minutesOnScreen: 0, numberOfClicks: 1 } } }]);
    expect(healthy.storage.get('analytics')).toBeUndefined();

    const down = setup();
    down.http.mockRejectedValueOnce(new ReportSendError('network'));
    down.reporter.reportUiStats('app', METRIC_TYPE.CLICK, 'ev');
    await down.reporter.flush();
    down.reporter.reportUiStats('app', METRIC_TYPE.CLICK, 'ev');
    down.reporter.leave();
    expect(down.http).toHaveBeenCalledTimes(1);
    expect((down.storage.get('analytics') as Report).uiStatsMetrics!['app-click-ev'].stats.sum).toBe(2);
  });

  it('keeps working in memory when storage throws', async () => {
    const { reporter, storage, logger, sent } = setup();
    storage.set = () => {
      throw new Error('QuotaExceededError');
    };
    reporter.reportUiStats('app', METRIC_TYPE.CLICK, 'ev');
    await jest.advanceTimersByTimeAsync(1000);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('QuotaExceededError'));
    await reporter.flush();
    expect(sent).toHaveLength(1);
  });

  it('ignores a stored value that is not a report', () => {
    const storage = createMemoryStorage();
    storage.set('analytics', { reportVersion: 99, uiStatsMetrics: {} });
    const reporter = new Reporter({ http: jest.fn(), storage, flushIntervalMs: 1000 });
    reporter.persistNow();
    expect(storage.get('analytics')).toBeUndefined();
  });
});

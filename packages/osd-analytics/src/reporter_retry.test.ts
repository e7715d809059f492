import { ReportSendError } from './http';
import { METRIC_TYPE } from './metrics';
import { countKeys, Report } from './report';
import { Reporter } from './reporter';
import type { ReporterConfig } from './reporter_config';
import { createMemoryStorage } from './storage';

/*
 * The reporter against a server that rate-limits (429) or has lost its store (503), with `Retry-After`.
 * `answers` scripts the server: each send takes the next one (an error to throw, or a promise to wait
 * for); with none left, the report is accepted and recorded in `received`.
 */
type Answer = ReportSendError | Promise<void>;

function setup(overrides: Partial<ReporterConfig> = {}) {
  const received: Report[] = [];
  const answers: Answer[] = [];
  const http = jest.fn(async (report: Report) => {
    const answer = answers.shift();
    if (answer instanceof Error) throw answer;
    if (answer) await answer;
    received.push(report);
  });
  const storage = overrides.storage ?? createMemoryStorage();
  const logger = { debug: jest.fn(), warn: jest.fn() };
  const config: ReporterConfig = { http, storage, storageKey: 'analytics:tab', flushIntervalMs: 10000, logger, random: () => 0, ...overrides };
  return { received, answers, http, storage, logger, config, reporter: new Reporter(config) };
}

const limited = (retryAfter?: string) => new ReportSendError('429 Too many ui metric reports', { status: 429, retryAfter });
const unavailable = (retryAfter?: string, date?: string) => new ReportSendError('503 store unavailable', { status: 503, retryAfter, date });
const sumOf = (report: Report | undefined, event: string) => report?.uiStatsMetrics?.[`app-count-${event}`]?.stats.sum;

describe('Reporter and Retry-After', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('on 429 keeps the batch, merges what came meanwhile, waits out Retry-After, then sends it once', async () => {
    const { reporter, answers, http, received, logger, storage } = setup();
    let reject!: (error: Error) => void;
    answers.push(new Promise<void>((_, r) => (reject = r)));
    reporter.start();
    reporter.reportUiStats('app', METRIC_TYPE.COUNT, 'ev', 2);
    await jest.advanceTimersByTimeAsync(10000); // the send is in flight
    reporter.reportUiStats('app', METRIC_TYPE.COUNT, 'ev', 4);
    reject(limited('30'));
    await jest.advanceTimersByTimeAsync(0);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('next try in 30 s (Retry-After)'));
    reporter.reportUiStats('app', METRIC_TYPE.COUNT, ['ev', 'other'], 8);

    // Hiding the page asks for a send: not before the server's time.
    await reporter.flush();
    await jest.advanceTimersByTimeAsync(29999);
    expect(http).toHaveBeenCalledTimes(1);
    expect(reporter.isFailing()).toBe(true);
    await jest.advanceTimersByTimeAsync(1);
    expect(http).toHaveBeenCalledTimes(2);
    expect(received).toHaveLength(1);
    expect(received[0].uiStatsMetrics!['app-count-ev'].stats).toEqual({ min: 2, max: 8, sum: 14, avg: 14 / 3 });
    expect(sumOf(received[0], 'other')).toBe(8);
    expect(reporter.isFailing()).toBe(false);
    expect(storage.get('analytics:tab')).toBeUndefined();
    // Back to the normal interval, nothing sent twice.
    await jest.advanceTimersByTimeAsync(60000);
    expect(http).toHaveBeenCalledTimes(2);
  });

  it('on 503 honours an HTTP-date Retry-After, read against the server clock', async () => {
    const { reporter, answers, http, received } = setup();
    // The server's clock is 1 h behind the browser's: its date is 45 s after its own now.
    answers.push(unavailable('Wed, 31 Dec 2025 23:00:55 GMT', 'Wed, 31 Dec 2025 23:00:10 GMT'));
    reporter.start();
    reporter.reportUiStats('app', METRIC_TYPE.COUNT, 'ev');
    await jest.advanceTimersByTimeAsync(10000);
    await jest.advanceTimersByTimeAsync(44999);
    expect(http).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(received.map((r) => sumOf(r, 'ev'))).toEqual([1]);
  });

  it('without Retry-After backs off by doubling; after an honoured Retry-After the backoff goes on counting', async () => {
    const { reporter, answers, http, received } = setup({ maxRetryIntervalMs: 60000 });
    answers.push(unavailable(), limited('15'), unavailable('never'), unavailable());
    reporter.start();
    reporter.reportUiStats('app', METRIC_TYPE.COUNT, 'ev');
    const callTimes: number[] = [];
    const start = Date.now();
    for (let i = 0; i < 200 && received.length === 0; i++) {
      const calls = http.mock.calls.length;
      await jest.advanceTimersByTimeAsync(1000);
      if (http.mock.calls.length > calls) callTimes.push(Date.now() - start);
    }
    // 10 s; +20 s (interval × 2^1); +15 s (Retry-After); +60 s (× 2^3 = 80 s, capped); +60 s.
    expect(callTimes).toEqual([10000, 30000, 45000, 105000, 165000]);
    expect(received.map((r) => sumOf(r, 'ev'))).toEqual([1]);
  });

  it('drops a batch refused as malformed (400) with a warning, and keeps what was reported meanwhile', async () => {
    const { reporter, answers, http, received, logger } = setup();
    let reject!: (error: Error) => void;
    answers.push(new Promise<void>((_, r) => (reject = r)));
    reporter.start();
    reporter.reportUiStats('app', METRIC_TYPE.COUNT, 'bad');
    await jest.advanceTimersByTimeAsync(10000);
    reporter.reportUiStats('app', METRIC_TYPE.COUNT, 'good');
    reject(new ReportSendError('400 [request body.report.uiStatsMetrics]: bad', { status: 400 }));
    await jest.advanceTimersByTimeAsync(0);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('refused a ui metric report, which is dropped: 400'));
    expect(reporter.isFailing()).toBe(false);
    await jest.advanceTimersByTimeAsync(10000);
    expect(http).toHaveBeenCalledTimes(2);
    expect(received.map((r) => Object.keys(r.uiStatsMetrics!))).toEqual([['app-count-good']]);
    await jest.advanceTimersByTimeAsync(600000);
    expect(http).toHaveBeenCalledTimes(2);
  });

  it('never lets one bad call spoil a batch: metrics the server would refuse are left out with a warning', async () => {
    const { reporter, received, logger } = setup();
    reporter.reportUiStats('my:app', METRIC_TYPE.COUNT, 'ev');
    reporter.reportUiStats('app', METRIC_TYPE.COUNT, ['', 'ev']);
    reporter.reportUiStats('app', METRIC_TYPE.COUNT, 'ev', -1);
    reporter.reportUserAgent('my:app', 'agent');
    await reporter.flush();
    expect(logger.warn).toHaveBeenCalledTimes(4);
    expect(received[0].userAgent).toBeUndefined();
    expect(received.map((r) => Object.keys(r.uiStatsMetrics!))).toEqual([['app-count-ev']]);
  });

  it('a reload during the wait keeps the batch and the wait: the next page sends it once, when allowed', async () => {
    const first = setup();
    first.answers.push(limited('120'));
    first.reporter.start();
    first.reporter.reportUiStats('app', METRIC_TYPE.COUNT, 'ev', 3);
    await jest.advanceTimersByTimeAsync(10000); // refused at t = 10 s: not before t = 130 s
    first.reporter.reportUiStats('app', METRIC_TYPE.COUNT, 'ev', 5);
    first.reporter.leave(); // the page would only be refused again: it keeps the batch instead
    expect(first.http).toHaveBeenCalledTimes(1);

    await jest.advanceTimersByTimeAsync(5000);
    const second = setup({ storage: first.storage });
    expect(second.reporter.isFailing()).toBe(true);
    second.reporter.start();
    await second.reporter.flush();
    second.reporter.reportUiStats('app', METRIC_TYPE.COUNT, 'ev', 1);
    await jest.advanceTimersByTimeAsync(114999);
    expect(second.http).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    expect(second.received).toHaveLength(1);
    expect(second.received[0].uiStatsMetrics!['app-count-ev'].stats).toEqual({ min: 1, max: 5, sum: 9, avg: 3 });
    expect(first.storage.get('analytics:tab')).toBeUndefined();
    second.reporter.leave();
    expect(second.http).toHaveBeenCalledTimes(1);
  });

  it('a long wait rewrites the key now and then, so another tab never adopts a live page', async () => {
    const live = setup();
    live.answers.push(unavailable('3600'));
    live.reporter.start();
    live.reporter.reportUiStats('app', METRIC_TYPE.COUNT, 'ev');
    await jest.advanceTimersByTimeAsync(10000);
    await jest.advanceTimersByTimeAsync(30 * 60000);
    const savedAt = (live.storage.get('analytics:tab') as { savedAt: number }).savedAt;
    expect(Date.now() - savedAt).toBeLessThanOrEqual(2 * 60000);
    const other = setup({ storage: live.storage, storageKey: 'analytics:other' });
    other.reporter.start();
    await jest.advanceTimersByTimeAsync(30 * 60000);
    expect(live.received.map((r) => sumOf(r, 'ev'))).toEqual([1]);
    expect(other.http).not.toHaveBeenCalled();
    other.reporter.stop();
  });

  it('a browser left open for days against a down server keeps storage bounded, and counts what it kept exactly', async () => {
    const { reporter, answers, http, received, storage, logger } = setup({ maxKeys: 50 });
    http.mockImplementation(async (report: Report) => {
      if (answers.length === 0) throw unavailable();
      answers.shift();
      received.push(report);
    });
    reporter.start();
    const sizes: number[] = [];
    for (let hour = 0; hour < 72; hour++) {
      reporter.reportUiStats('app', METRIC_TYPE.COUNT, 'steady');
      for (let i = 0; i < 20; i++) reporter.reportUiStats('app', METRIC_TYPE.COUNT, `event-${hour}-${i}`);
      await jest.advanceTimersByTimeAsync(3600000);
      sizes.push(JSON.stringify(storage.get('analytics:tab')).length);
    }
    expect(countKeys(storage.get('analytics:tab') as Report)).toBe(50);
    expect(Math.max(...sizes)).toBeLessThan(50 * 300);
    expect(sizes[71]).toBeLessThanOrEqual(sizes[3] + 10); // only the digits of the counts grow
    expect(logger.warn.mock.calls.filter(([m]) => m.includes('dropped: 50 distinct metrics')).length).toBe(1);

    answers.push(Promise.resolve()); // the server is back
    await jest.advanceTimersByTimeAsync(6 * 60000);
    expect(received).toHaveLength(1);
    expect(countKeys(received[0])).toBe(50);
    expect(sumOf(received[0], 'steady')).toBe(72);
    expect(sumOf(received[0], 'event-0-0')).toBe(1);
    expect(storage.get('analytics:tab')).toBeUndefined();
  });

  it('a send cancelled by leaving the page is taken as delivered: nothing comes back to storage, nothing is counted twice', async () => {
    const { reporter, answers, storage, received } = setup();
    let reject!: (error: Error) => void;
    answers.push(new Promise<void>((_, r) => (reject = r)));
    reporter.reportUiStats('app', METRIC_TYPE.COUNT, 'ev');
    const done = reporter.flush();
    reporter.leave();
    reject(new ReportSendError('Unable to send the ui metric report: Failed to fetch'));
    await done;
    expect(storage.keys()).toEqual([]);
    const next = setup({ storage });
    await next.reporter.flush();
    expect([...received, ...next.received]).toEqual([]);
  });

  it('a refusal that still arrives after leaving is kept for the next page, which honours its Retry-After', async () => {
    const { reporter, answers, storage, http } = setup();
    let reject!: (error: Error) => void;
    answers.push(new Promise<void>((_, r) => (reject = r)), limited('20'));
    reporter.reportUiStats('app', METRIC_TYPE.COUNT, 'ev', 2);
    const done = reporter.flush();
    reporter.reportUiStats('app', METRIC_TYPE.COUNT, 'ev', 3);
    reporter.leave(); // sends the 3 with keepalive: refused with 429 too
    reject(unavailable('20'));
    await done;
    await jest.advanceTimersByTimeAsync(0);
    expect(http).toHaveBeenCalledTimes(2);
    expect(storage.keys().filter((key) => key.startsWith('analytics:tab:left:'))).toHaveLength(2);

    // Any next page adopts both at once (they are marked old), and waits the 20 s the server asked for.
    const next = setup({ storage, storageKey: 'analytics:next' });
    expect(storage.keys()).toEqual(['analytics:next']);
    next.reporter.start();
    await jest.advanceTimersByTimeAsync(19999);
    expect(next.http).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    expect(next.received.map((r) => r.uiStatsMetrics!['app-count-ev'].stats)).toEqual([{ min: 2, max: 3, sum: 5, avg: 2.5 }]);
    expect(storage.keys()).toEqual([]);
  });
});

import { TelemetrySendError } from './http_client';
import { createFetcherTask } from './fetcher_task';
import { MIN_CHECK_DELAY_MS } from './send_decision';
import { createFakeStore, HOUR, JWE, report, serialized, setup, VERSION } from './test_utils';

describe('createFetcherTask', () => {
  it('sends nothing and reads no report while not opted in or undecided', async () => {
    for (const optIn of [false, undefined]) {
      const { task, httpClient, collectionManager } = setup({ optIn: optIn as boolean });
      expect(await task.runCheck()).toBe(12 * HOUR);
      expect(httpClient.post).not.toHaveBeenCalled();
      expect(collectionManager.getSendableReports).not.toHaveBeenCalled();
    }
  });

  it('sends a due report with its headers, records it, and then waits a report interval', async () => {
    const { task, httpClient, store, clock, collectionManager } = setup();
    await task.runCheck();
    expect(collectionManager.getSendableReports).toHaveBeenCalledWith(expect.objectContaining({ unencrypted: false, encrypt: true, level: 'full' }));
    expect(httpClient.post).toHaveBeenCalledTimes(1);
    const request = httpClient.post.mock.calls[0][0];
    expect(request).toMatchObject({
      url: 'http://127.0.0.1:9/send',
      body: JWE,
      timeoutMs: 1000,
      headers: { 'Content-Type': 'application/jose', 'osd-version': VERSION, 'osd-telemetry-version': 'v2', 'osd-telemetry-channel': 'snapshot' },
    });
    expect(store.attributes()).toEqual({ lastReportAttempt: clock.now, lastReported: clock.now, reportFailureCount: 0 });

    clock.now += HOUR;
    expect(await task.runCheck()).toBeGreaterThanOrEqual(12 * HOUR - 1);
    clock.now += 24 * HOUR;
    await task.runCheck();
    expect(httpClient.post).toHaveBeenCalledTimes(2);
  });

  it('sends a plain report as JSON', async () => {
    const { task, httpClient, collectionManager } = setup();
    collectionManager.getSendableReports.mockResolvedValue([serialized(false)]);
    await task.runCheck();
    expect(httpClient.post.mock.calls[0][0].headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(httpClient.post.mock.calls[0][0].body)).toEqual(report());
  });

  it('counts failures per version with one warning each, backs off, pauses for failurePause after 3, then tries again', async () => {
    const { task, httpClient, store, clock, logger } = setup();
    httpClient.post.mockRejectedValue(TelemetrySendError.httpStatus('http://127.0.0.1:9/send', 500));
    await task.runCheck();
    expect(store.attributes()).toMatchObject({ reportFailureCount: 1, reportFailureVersion: VERSION });
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn.mock.calls[0][0]).toMatch(/answered HTTP 500 \(failure 1 of 3 before a pause, on 2\.19\.0; next try in 1h\)/);

    clock.now += HOUR - 1000;
    await task.runCheck();
    expect(httpClient.post).toHaveBeenCalledTimes(1);
    clock.now += 1000;
    await task.runCheck();
    expect(store.attributes()).toMatchObject({ reportFailureCount: 2 });
    expect(logger.warn.mock.calls[1][0]).toMatch(/next try in 2h/);
    clock.now += 2 * HOUR;
    await task.runCheck();
    expect(store.attributes()).toMatchObject({ reportFailureCount: 3 });
    expect(logger.warn.mock.calls[2][0]).toMatch(/failure 3 in a row, on 2\.19\.0; sending is paused for 1d; a restart or an opt-in change resumes it sooner/);

    // Paused: the next check is planned for the end of the pause (capped by checkInterval), nothing is sent before.
    clock.now += 23 * HOUR;
    expect(await task.runCheck()).toBe(HOUR);
    expect(httpClient.post).toHaveBeenCalledTimes(3);
    expect(logger.warn).toHaveBeenCalledTimes(3);

    // After the pause it tries again; a 4th failure pauses again (it never stops for good).
    clock.now += HOUR;
    await task.runCheck();
    expect(httpClient.post).toHaveBeenCalledTimes(4);
    expect(store.attributes()).toMatchObject({ reportFailureCount: 4 });
    clock.now += 24 * HOUR - 1;
    await task.runCheck();
    expect(httpClient.post).toHaveBeenCalledTimes(4);

    // The receiver recovered: the try after the pause succeeds and the count starts over.
    httpClient.post.mockResolvedValue({ status: 200 });
    clock.now += 1;
    await task.runCheck();
    expect(httpClient.post).toHaveBeenCalledTimes(5);
    expect(store.attributes()).toMatchObject({ reportFailureCount: 0, lastReported: clock.now });
  });

  it('a restart lifts a pause (the count is kept), and an upgrade forgets the count', async () => {
    const { httpClient, store, clock, fetcherOptions } = setup({
      store: createFakeStore({ enabled: true, reportFailureCount: 3, reportFailureVersion: VERSION, lastReportAttempt: Date.parse('2024-03-01T11:00:00Z') }),
    });
    httpClient.post.mockRejectedValue(TelemetrySendError.httpStatus('http://127.0.0.1:9/send', 500));
    // Started before the pause was recorded: the pause holds.
    const old = createFetcherTask({ ...fetcherOptions, startedAt: clock.now - 2 * HOUR });
    await old.runCheck();
    expect(httpClient.post).not.toHaveBeenCalled();
    // Started after it: one try, whose failure (counted on) pauses this process again.
    const restarted = createFetcherTask({ ...fetcherOptions, startedAt: clock.now - 1000 });
    await restarted.runCheck();
    expect(httpClient.post).toHaveBeenCalledTimes(1);
    expect(store.attributes()).toMatchObject({ reportFailureCount: 4 });
    clock.now += HOUR;
    await restarted.runCheck();
    expect(httpClient.post).toHaveBeenCalledTimes(1);

    const upgraded = createFetcherTask({ ...fetcherOptions, currentVersion: '2.20.0', startedAt: clock.now - 1000 });
    httpClient.post.mockResolvedValue({ status: 200 });
    clock.now += 2 * HOUR;
    await upgraded.runCheck();
    expect(httpClient.post).toHaveBeenCalledTimes(2);
    expect(store.attributes()).toMatchObject({ reportFailureCount: 0 });
  });

  it('lets only one of two servers on one store send a due report', async () => {
    const store = createFakeStore({ enabled: true });
    const clock = { now: Date.parse('2024-03-01T12:00:00Z') };
    const a = setup({ store, clock });
    const b = setup({ store, clock });
    await Promise.all([a.task.runCheck(), b.task.runCheck()]);
    expect(a.httpClient.post.mock.calls.length + b.httpClient.post.mock.calls.length).toBe(1);
    clock.now += 60000;
    await Promise.all([a.task.runCheck(), b.task.runCheck()]);
    expect(a.httpClient.post.mock.calls.length + b.httpClient.post.mock.calls.length).toBe(1);
  });

  it('also claims the very first report (no saved object yet) only once', async () => {
    const store = createFakeStore();
    const clock = { now: Date.parse('2024-03-01T12:00:00Z') };
    const a = setup({ store, clock });
    const b = setup({ store, clock });
    const [nextA, nextB] = await Promise.all([a.task.runCheck(), b.task.runCheck()]);
    expect(a.httpClient.post.mock.calls.length + b.httpClient.post.mock.calls.length).toBe(1);
    expect([nextA, nextB]).toEqual([MIN_CHECK_DELAY_MS, MIN_CHECK_DELAY_MS]);
  });

  it('waits for collectors without claiming or counting a failure', async () => {
    const { task, httpClient, store, logger, collectionManager } = setup();
    collectionManager.areAllCollectorsReady.mockResolvedValue(false);
    expect(await task.runCheck()).toBe(60000);
    expect(httpClient.post).not.toHaveBeenCalled();
    expect(store.attributes()).toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('Not all collectors are ready'));
  });

  it('does not count a report that cannot be built as a send failure', async () => {
    const { task, httpClient, store, collectionManager, logger } = setup();
    collectionManager.getSendableReports.mockRejectedValue(new Error('cluster down'));
    await task.runCheck();
    expect(httpClient.post).not.toHaveBeenCalled();
    expect(store.attributes()?.reportFailureCount).toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('Failed to build the telemetry report: cluster down'));
  });

  it('in debug mode logs the plain report instead of sending it, and keeps the schedule', async () => {
    const { task, httpClient, store, logger, collectionManager } = setup({ debug: true });
    await task.runCheck();
    expect(httpClient.post).not.toHaveBeenCalled();
    expect(collectionManager.getSendableReports).toHaveBeenCalledWith(expect.objectContaining({ encrypt: false }));
    expect(logger.info).toHaveBeenCalledWith(expect.stringContaining('[OSD_TELEMETRY_DEBUG] report that would be sent to http://127.0.0.1:9/send'));
    expect(store.attributes()?.lastReported).toBeDefined();
  });

  it('runs the first check after initialCheckDelay once started, and stops cleanly', async () => {
    const { task, httpClient } = setup();
    task.start();
    await new Promise((r) => setTimeout(r, 100));
    expect(httpClient.post).toHaveBeenCalledTimes(1);
    await task.stop();
  });

  describe('on its own timers (fake clock)', () => {
    beforeEach(() => jest.useFakeTimers({ now: Date.parse('2024-03-01T12:00:00Z') }));
    afterEach(() => jest.useRealTimers());

    it('tries, backs off, pauses, tries again after the pause, then reports once per interval', async () => {
      const t = setup({ store: createFakeStore(undefined, { microtasks: true }) });
      const task = createFetcherTask({ ...t.fetcherOptions, now: Date.now, startedAt: Date.now() });
      t.httpClient.post.mockRejectedValue(TelemetrySendError.httpStatus('http://127.0.0.1:9/send', 500));
      const posts = () => t.httpClient.post.mock.calls.length;
      task.start();
      await jest.advanceTimersByTimeAsync(10);
      expect(posts()).toBe(1);
      await jest.advanceTimersByTimeAsync(HOUR);
      expect(posts()).toBe(2);
      await jest.advanceTimersByTimeAsync(2 * HOUR);
      expect(posts()).toBe(3);
      await jest.advanceTimersByTimeAsync(24 * HOUR - 60000);
      expect(posts()).toBe(3);
      t.httpClient.post.mockResolvedValue({ status: 200 });
      await jest.advanceTimersByTimeAsync(60000);
      expect(posts()).toBe(4);
      expect(t.store.attributes()).toMatchObject({ reportFailureCount: 0 });
      // One report per interval (plus this server's jitter of at most an hour) from now on.
      await jest.advanceTimersByTimeAsync(24 * HOUR - 1000);
      expect(posts()).toBe(4);
      await jest.advanceTimersByTimeAsync(HOUR + 2000);
      expect(posts()).toBe(5);
      await jest.advanceTimersByTimeAsync(25 * HOUR);
      expect(posts()).toBe(6);
      await task.stop();
    });
  });
});

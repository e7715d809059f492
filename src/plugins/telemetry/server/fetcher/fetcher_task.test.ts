import { SavedObjectsErrorHelpers } from '../../../../core/server';
import { createLoggerMock } from '../../../usage_collection/server/mocks';
import { telemetryCollectionManagerPluginMock } from '../../../telemetry_collection_manager/server/mocks';
import type { TelemetrySavedObjectAttributes } from '../../common/telemetry_config';
import { createOptInService } from '../opt_in_state';
import { createFetcherTask, type FetcherTaskOptions } from './fetcher_task';
import { TelemetrySendError } from './http_client';
import { MIN_CHECK_DELAY_MS } from './send_decision';

const HOUR = 3600000;
const VERSION = '2.19.0';
const report = (optIn = true) => ({ cluster_uuid: 'c1', stack_stats: { opensearch_dashboards: { plugins: { telemetry: { opt_in_status: optIn } } } } });

/** An in-memory `telemetry` saved object with versions, conflicts and an await on every call. */
function createFakeStore(initial?: TelemetrySavedObjectAttributes) {
  let doc = initial ? { attributes: { ...initial }, seq: 1 } : undefined;
  let seq = 1;
  const yieldOnce = () => new Promise((r) => setImmediate(r));
  const notFound = () => SavedObjectsErrorHelpers.createGenericNotFoundError('telemetry', 'telemetry');
  const conflict = () => SavedObjectsErrorHelpers.createConflictError('telemetry', 'telemetry');
  return {
    attributes: () => doc?.attributes,
    client: {
      get: jest.fn(async () => {
        await yieldOnce();
        if (!doc) throw notFound();
        return { attributes: { ...doc.attributes }, version: String(doc.seq) } as any;
      }),
      update: jest.fn(async (_type: string, _id: string, attributes: object, options: { version?: string } = {}) => {
        await yieldOnce();
        if (!doc) throw notFound();
        if (options.version !== undefined && options.version !== String(doc.seq)) throw conflict();
        doc = { attributes: { ...doc.attributes, ...attributes }, seq: ++seq };
        return { version: String(doc.seq) } as any;
      }),
      create: jest.fn(async (_type: string, attributes: object) => {
        await yieldOnce();
        if (doc) throw conflict();
        doc = { attributes: { ...attributes }, seq: ++seq };
        return { version: String(doc.seq) } as any;
      }),
    },
  };
}

function setup(options: { store?: ReturnType<typeof createFakeStore>; optIn?: boolean; debug?: boolean; clock?: { now: number } } = {}) {
  const store = options.store ?? createFakeStore();
  const clock = options.clock ?? { now: Date.parse('2024-03-01T12:00:00Z') };
  const logger = createLoggerMock();
  const optIn = createOptInService({
    logger,
    config: { optIn: 'optIn' in options ? options.optIn : true, allowChangingOptInStatus: true, sendUsageFrom: 'server' },
    environment: { debug: false },
    currentVersion: VERSION,
    getInternalClient: () => store.client,
    pollIntervalMs: HOUR,
  });
  const collectionManager = telemetryCollectionManagerPluginMock.createStartContract();
  collectionManager.getStats.mockImplementation(async ({ unencrypted }) => (unencrypted ? [report()] : ['jwe.compact.token.here.x']) as any);
  const httpClient = { post: jest.fn().mockResolvedValue({ status: 200 }) };
  const fetcherOptions: FetcherTaskOptions = {
    logger,
    url: 'http://127.0.0.1:9/send',
    timings: { initialCheckDelayMs: 10, checkIntervalMs: 12 * HOUR, reportIntervalMs: 24 * HOUR, retryDelayMs: HOUR, requestTimeoutMs: 1000 },
    currentVersion: VERSION,
    instanceUuid: 'uuid-1',
    debug: options.debug ?? false,
    optIn,
    getSavedObjectsClient: () => store.client as any,
    collectionManager,
    httpClient,
    now: () => clock.now,
  };
  return { task: createFetcherTask(fetcherOptions), store, clock, logger, collectionManager, httpClient, fetcherOptions };
}

describe('createFetcherTask', () => {
  it('sends nothing and reads no report while not opted in or undecided', async () => {
    for (const optIn of [false, undefined]) {
      const { task, httpClient, collectionManager } = setup({ optIn: optIn as boolean });
      expect(await task.runCheck()).toBe(12 * HOUR);
      expect(httpClient.post).not.toHaveBeenCalled();
      expect(collectionManager.getStats).not.toHaveBeenCalled();
    }
  });

  it('sends a due report with its headers, records it, and then waits a report interval', async () => {
    const { task, httpClient, store, clock, collectionManager } = setup();
    await task.runCheck();
    expect(collectionManager.getStats).toHaveBeenCalledWith(expect.objectContaining({ unencrypted: false }));
    expect(httpClient.post).toHaveBeenCalledTimes(1);
    const request = httpClient.post.mock.calls[0][0];
    expect(request).toMatchObject({
      url: 'http://127.0.0.1:9/send',
      body: 'jwe.compact.token.here.x',
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
    collectionManager.getStats.mockResolvedValue([report()] as any);
    await task.runCheck();
    expect(httpClient.post.mock.calls[0][0].headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(httpClient.post.mock.calls[0][0].body)).toEqual(report());
  });

  it('counts failures per version with one warning each, backs off, pauses after 3, and resumes after an upgrade', async () => {
    const { task, httpClient, store, clock, logger, fetcherOptions } = setup();
    httpClient.post.mockRejectedValue(TelemetrySendError.httpStatus('http://127.0.0.1:9/send', 500));
    await task.runCheck();
    expect(store.attributes()).toMatchObject({ reportFailureCount: 1, reportFailureVersion: VERSION });
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn.mock.calls[0][0]).toMatch(/answered HTTP 500 \(failure 1 of 3 on 2\.19\.0; next try in 1h\)/);

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
    expect(logger.warn.mock.calls[2][0]).toMatch(/sending is paused until the next upgrade/);

    clock.now += 100 * HOUR;
    await task.runCheck();
    expect(httpClient.post).toHaveBeenCalledTimes(3);
    expect(logger.warn).toHaveBeenCalledTimes(3);

    const upgraded = createFetcherTask({ ...fetcherOptions, currentVersion: '2.20.0' });
    httpClient.post.mockResolvedValue({ status: 200 });
    await upgraded.runCheck();
    expect(httpClient.post).toHaveBeenCalledTimes(4);
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
    collectionManager.getStats.mockRejectedValue(new Error('cluster down'));
    await task.runCheck();
    expect(httpClient.post).not.toHaveBeenCalled();
    expect(store.attributes()?.reportFailureCount).toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('Failed to build the telemetry report: cluster down'));
  });

  it('in debug mode logs the plain report instead of sending it, and keeps the schedule', async () => {
    const { task, httpClient, store, logger, collectionManager } = setup({ debug: true });
    await task.runCheck();
    expect(httpClient.post).not.toHaveBeenCalled();
    expect(collectionManager.getStats).toHaveBeenCalledWith(expect.objectContaining({ unencrypted: true }));
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
});

import { SavedObjectsErrorHelpers } from '../../../../core/server';
import { coreMock, httpServerMock, httpServiceMock } from '../../../../core/server/mocks';
import { IngestGuard } from '../ingest/ingest_guard';
import { createLoggerMock } from '../mocks';
import { WriterUnavailableError } from '../report/report_writer';
import { parseReport } from '../report/parse_report';
import { registerUiMetricReportRoute } from './ui_metric_report';

const metric = (appName: string, eventName: string, sum: number) => ({ key: `${appName}-${eventName}`, type: 'click', appName, eventName, stats: { min: 0, max: sum, sum, avg: sum } });
const REPORT = { report: { uiStatsMetrics: { a: metric('app', 'e', 2) } } };

interface SetupOptions {
  maxReportsPerMinute?: number;
  maxKeys?: number;
  maxApps?: number;
  stored?: { 'ui-metric'?: string[]; application_usage_totals?: string[] };
  find?: jest.Mock;
}

function setup(write: jest.Mock, options: SetupOptions = {}) {
  // The kit's router is core's real one: the route's definition passes core's registration checks.
  const router = httpServiceMock.createRouter('usageCollection');
  const logger = createLoggerMock();
  const parser = { parse: async (body: Buffer) => parseReport(body) };
  const guard = new IngestGuard({
    logger,
    maxKeys: options.maxKeys ?? 100,
    maxApps: options.maxApps ?? 100,
    maxReportsPerMinute: options.maxReportsPerMinute ?? 1000,
  });
  const stored: Record<string, string[]> = options.stored ?? {};
  const find =
    options.find ??
    jest.fn(async ({ type }: { type: string }) => ({
      saved_objects: (stored[type] ?? []).map((id) => ({ id, type, attributes: { appId: id } })),
    }));
  guard.start({ find } as any);
  let address = '10.0.0.1';
  registerUiMetricReportRoute({ router, parser, writer: { write }, guard, logger, debug: true, identify: () => address });
  // The route config exactly as the plugin declared it (its `validate.body` is called like the server would).
  const config: any = router.post.mock.calls[0][0];
  const { handler } = router.getRoute('post', config.path);
  const call = (json: unknown = REPORT) => {
    const body = config.validate.body(Buffer.from(typeof json === 'string' ? json : JSON.stringify(json)));
    const request = httpServerMock.createOpenSearchDashboardsRequest({ method: 'post', path: config.path, body });
    return handler(coreMock.createRequestHandlerContext(), request, httpServerMock.createResponseFactory());
  };
  return { call, logger, config, guard, find, from: (a: string) => (address = a) };
}

afterEach(() => jest.useRealTimers());

describe('POST /api/ui_metric/report handler', () => {
  it('answers { status: "ok" } once the writer has stored the increments', async () => {
    const write = jest.fn().mockResolvedValue(undefined);
    const { call, config, logger } = setup(write);
    expect(config.path).toBe('/api/ui_metric/report');
    expect(config.options.body.parse).toBe(false);
    const response = await call();
    expect(response.status).toBe(200);
    expect(response.payload).toEqual({ status: 'ok' });
    expect(write).toHaveBeenCalledWith({ counters: [{ id: 'app:e', incrementBy: 2 }], applicationUsage: [] });
    expect(logger.debug).toHaveBeenCalledWith('ui metric report: 1 counter(s), 0 application(s)');
  });

  it('answers 400 naming the problem, and stores nothing, for bad JSON, a report off the schema, a string or huge count', async () => {
    const write = jest.fn().mockResolvedValue(undefined);
    const { call } = setup(write);
    const badJson = await call('{"report":');
    expect(badJson.status).toBe(400);
    expect(badJson.payload).toBe('Invalid request payload JSON format');
    const offSchema = await call({ report: { uiStatsMetrics: { a: { ...metric('app', 'e', 1), appName: 'x:y' } } } });
    expect(offSchema.status).toBe(400);
    expect(offSchema.payload).toBe('[request body.report.uiStatsMetrics.a.appName]: must not contain ":"');
    const text = await call({ report: { uiStatsMetrics: { a: { ...metric('app', 'e', 1), stats: { min: 0, max: 1, sum: '7', avg: 1 } } } } });
    expect(text.payload).toBe('[request body.report.uiStatsMetrics.a.stats.sum]: expected value of type [number] but got [string]');
    // JSON's 1e400 is Infinity once parsed.
    const infinite = await call('{"report":{"application_usage":{"home":{"minutesOnScreen":1e400,"numberOfClicks":1}}}}');
    expect(infinite.payload).toBe('[request body.report.application_usage.home.minutesOnScreen]: must be a finite number');
    expect(write).not.toHaveBeenCalled();
  });

  it('answers 429 with Retry-After past maxReportsPerMinute for one client, and counts it; other clients go on', async () => {
    const write = jest.fn().mockResolvedValue(undefined);
    const { call, from, guard } = setup(write, { maxReportsPerMinute: 2 });
    expect((await call()).status).toBe(200);
    expect((await call()).status).toBe(200);
    const limited = await call();
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('30');
    expect(limited.payload).toEqual({ message: 'Too many ui-metric reports from this client: at most 2 per minute; retry in 30 s' });
    expect(write).toHaveBeenCalledTimes(2);
    from('10.0.0.2');
    expect((await call()).status).toBe(200);
    expect(guard.getStats().throttled_reports).toBe(1);
  });

  it('drops new counters and applications past their caps and stores the rest (200); stored names keep counting', async () => {
    const write = jest.fn().mockResolvedValue(undefined);
    const stored = { 'ui-metric': ['old:a', 'old:b'], application_usage_totals: ['home'] };
    const { call, guard, logger } = setup(write, { maxKeys: 3, maxApps: 1, stored });
    const usage = { home: { minutesOnScreen: 1, numberOfClicks: 1 }, discover: { minutesOnScreen: 2, numberOfClicks: 2 } };
    const first = await call({ report: { uiStatsMetrics: { a: metric('old', 'a', 1), b: metric('new', 'x', 1), c: metric('new', 'y', 1) }, application_usage: usage } });
    expect(first.status).toBe(200);
    expect(write).toHaveBeenLastCalledWith({
      counters: [{ id: 'old:a', incrementBy: 1 }, { id: 'new:x', incrementBy: 1 }],
      applicationUsage: [{ appId: 'home', minutesOnScreen: 1, numberOfClicks: 1 }],
    });
    const second = await call({ report: { uiStatsMetrics: { a: metric('new', 'z', 5), b: metric('new', 'x', 2), c: metric('old', 'b', 3) } } });
    expect(second.status).toBe(200);
    expect(write).toHaveBeenLastCalledWith({ counters: [{ id: 'new:x', incrementBy: 2 }, { id: 'old:b', incrementBy: 3 }], applicationUsage: [] });
    expect(guard.getStats()).toEqual({ dropped_ui_metric_keys: 2, dropped_applications: 1, throttled_reports: 0 });
    // One warning per cap, however many names are dropped.
    expect(logger.warn.mock.calls.map(([m]) => m)).toEqual([
      expect.stringContaining('usageCollection.uiMetric.maxKeys (3) reached'),
      expect.stringContaining('usageCollection.applicationUsage.maxApps (1) reached'),
    ]);
  });

  it('answers 503 with Retry-After while the store is away: warns once, tries it again once per probe interval, says once it is back', async () => {
    const write = jest.fn();
    const { call, logger } = setup(write);
    const down = SavedObjectsErrorHelpers.decorateOpenSearchUnavailableError(new Error('OpenSearch is unreachable: connect ECONNREFUSED'));
    write.mockRejectedValue(down);
    for (let i = 0; i < 5; i++) {
      const response = await call();
      expect(response.status).toBe(503);
      expect(response.headers['retry-after']).toBe('30');
      expect(response.payload).toEqual({ message: 'The ui metric store is not available; retry later' });
    }
    // Only the first reached the writer: the others were refused at once.
    expect(write).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn.mock.calls[0][0]).toContain('The saved-objects store is not available (OpenSearch is unreachable: connect ECONNREFUSED)');
    expect(logger.error).not.toHaveBeenCalled();

    jest.useFakeTimers({ now: Date.now() + 5000, doNotFake: ['setImmediate', 'nextTick', 'performance'] });
    write.mockResolvedValue(undefined);
    expect((await call()).status).toBe(200);
    expect(logger.info).toHaveBeenCalledTimes(1);
    expect(logger.info.mock.calls[0][0]).toContain('available again');
    expect((await call()).status).toBe(200);
    expect(logger.info).toHaveBeenCalledTimes(1);
  });

  it('answers 503 while the stored names cannot be read, then reads them again', async () => {
    const write = jest.fn().mockResolvedValue(undefined);
    const down = SavedObjectsErrorHelpers.decorateOpenSearchUnavailableError(new Error('down'));
    const find = jest.fn().mockRejectedValue(down);
    const { call } = setup(write, { find });
    expect((await call()).status).toBe(503);
    expect(write).not.toHaveBeenCalled();
    find.mockResolvedValue({ saved_objects: [] });
    jest.useFakeTimers({ now: Date.now() + 6000, doNotFake: ['setImmediate', 'nextTick', 'performance'] });
    expect((await call()).status).toBe(200);
  });

  it('answers 503 while the writer is not open, 400 for a counter at its bound, 500 (logged) for other failures', async () => {
    expect((await setup(jest.fn().mockRejectedValue(new WriterUnavailableError('the server is stopping'))).call()).payload).toEqual({
      message: 'The ui metric store is not available: the server is stopping',
    });
    // The counters port's refusal of a report that would carry a sum of its commit past the bound.
    const refused = SavedObjectsErrorHelpers.createBadRequestError('The increments would raise counter [ui-metric:app:e] (count) past 9007199254740991 in one commit');
    const overflow = await setup(jest.fn().mockRejectedValue(refused)).call();
    expect(overflow.status).toBe(400);
    expect(overflow.payload).toContain('past 9007199254740991');
    const atBound = SavedObjectsErrorHelpers.createBadRequestError('Cannot increment [count] of [ui-metric:app:e]: the sum is not a safe integer');
    expect((await setup(jest.fn().mockRejectedValue(atBound)).call()).status).toBe(400);
    const { call, logger } = setup(jest.fn().mockRejectedValue(new Error('disk full')));
    const response = await call();
    expect(response.status).toBe(500);
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining('disk full'));
  });
});

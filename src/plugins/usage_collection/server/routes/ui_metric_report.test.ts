import { responseFactory } from '../../../../core/server/http/router/response';
import { createLoggerMock } from '../mocks';
import { WriterUnavailableError } from '../report/group_commit_writer';
import { parseReport } from '../report/parse_report';
import { registerUiMetricReportRoute } from './ui_metric_report';

const REPORT = { report: { uiStatsMetrics: { a: { key: 'a', type: 'click', appName: 'app', eventName: 'e', stats: { min: 0, max: 2, sum: 2, avg: 1 } } } } };

function setup(write: jest.Mock) {
  let handler: any;
  let config: any;
  const router = { post: jest.fn((c, h) => ((config = c), (handler = h))) } as any;
  const logger = createLoggerMock();
  const parser = { parse: async (body: Buffer) => parseReport(body) };
  registerUiMetricReportRoute({ router, parser, writer: { write } as any, logger, debug: true });
  const call = (json: unknown = REPORT) => {
    const body = config.validate.body(Buffer.from(typeof json === 'string' ? json : JSON.stringify(json)));
    return handler({}, { body }, responseFactory);
  };
  return { call, logger, config };
}

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

  it('answers 400 naming the problem, and stores nothing, for bad JSON or a report off the schema', async () => {
    const write = jest.fn().mockResolvedValue(undefined);
    const { call } = setup(write);
    const badJson = await call('{"report":');
    expect(badJson.status).toBe(400);
    expect(badJson.payload).toBe('Invalid request payload JSON format');
    const offSchema = await call({ report: { uiStatsMetrics: { a: { ...REPORT.report.uiStatsMetrics.a, appName: 'x:y' } } } });
    expect(offSchema.status).toBe(400);
    expect(offSchema.payload).toBe('[request body.report.uiStatsMetrics.a.appName]: must not contain ":"');
    expect(write).not.toHaveBeenCalled();
  });

  it('answers 503 while the store is not available', async () => {
    const { call } = setup(jest.fn().mockRejectedValue(new WriterUnavailableError('the server is stopping')));
    const response = await call();
    expect(response.status).toBe(503);
    expect(response.payload).toEqual({ message: 'The ui metric store is not available: the server is stopping' });
  });

  it('answers 500 and logs when storing failed', async () => {
    const { call, logger } = setup(jest.fn().mockRejectedValue(new Error('disk full')));
    const response = await call();
    expect(response.status).toBe(500);
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining('disk full'));
  });
});

import { coreMock, httpServerMock, httpServiceMock } from '../../../../core/server/mocks';
import { createLoggerMock } from '../../../usage_collection/server/mocks';
import { TelemetrySendError } from '../fetcher';
import type { ManualSendResult } from '../fetcher';
import type { ReportEntry, ReportLedger } from '../ledger';
import { registerReportRoutes } from '.';
import { reportIdParams } from './types';

const entry = (id: string, overrides: Partial<ReportEntry> = {}): ReportEntry => ({
  id,
  generatedAt: '2024-03-01T12:00:00.000Z',
  status: 'sent',
  level: 'full',
  destination: 'http://127.0.0.1:9/send',
  sizeBytes: 7,
  sha256: 'h',
  clusterUuid: 'c1',
  encrypted: false,
  trigger: 'manual',
  ...overrides,
});

function setup(sendNow?: () => Promise<ManualSendResult>) {
  const logger = createLoggerMock();
  const payloads: Record<string, string> = { a: '{"n":1,"t":"x"}', b: '{"n":2,"t":"x"}' };
  const ledger: jest.Mocked<ReportLedger> = {
    record: jest.fn(),
    list: jest.fn().mockResolvedValue([entry('b'), entry('a')]),
    get: jest.fn(async (id) => (payloads[id] ? entry(id) : undefined)),
    getMany: jest.fn(async (ids) => ({ entries: ids.filter((id) => payloads[id]).map((id) => entry(id)), missing: ids.filter((id) => !payloads[id]) })),
    getPayload: jest.fn(async (id) => payloads[id]),
    previousOf: jest.fn(async (e) => (e.id === 'b' ? entry('a') : undefined)),
  };
  const router = httpServiceMock.createRouter('telemetry', logger);
  const sender = sendNow ? { sendNow: jest.fn(sendNow) } : undefined;
  registerReportRoutes({ router, logger, ledger, getSender: () => sender, collectionManager: { sealPlaintext: jest.fn().mockResolvedValue(null) } });
  const call = async (method: 'get' | 'post', path: string, request: { params?: object; body?: object } = {}) => {
    const route = router.getRoute(method, `/api/telemetry/v2/reports${path}`);
    const req = httpServerMock.createOpenSearchDashboardsRequest({ method, path: route.path, ...request });
    return route.handler(coreMock.createRequestHandlerContext(), req, httpServerMock.createResponseFactory());
  };
  return { router, call, ledger, sender };
}

describe('report ledger routes', () => {
  it('are all for the telemetry admin, and audit sending and exporting', () => {
    const { router } = setup();
    expect(router.routes.map((r) => [r.method, r.path, r.options?.tags])).toEqual([
      ['get', '/api/telemetry/v2/reports', ['access:telemetry:reports']],
      ['post', '/api/telemetry/v2/reports/_send', ['access:telemetry:reports', 'audit:telemetry_report_send']],
      ['post', '/api/telemetry/v2/reports/_export', ['access:telemetry:reports', 'audit:telemetry_report_export']],
      ['get', '/api/telemetry/v2/reports/{id}', ['access:telemetry:reports']],
      ['get', '/api/telemetry/v2/reports/{id}/_diff', ['access:telemetry:reports']],
    ]);
  });

  it('answers the stored payload as JSON text, and 404 for an unknown id', async () => {
    const { call } = setup();
    const shown = await call('get', '/{id}', { params: { id: 'a' } });
    expect([shown.status, shown.payload, shown.headers['content-type']]).toEqual([200, '{"n":1,"t":"x"}', 'application/json; charset=utf-8']);
    expect((await call('get', '/{id}', { params: { id: 'zz' } })).payload).toEqual({ message: 'Telemetry report [zz] not found' });
    expect(() => reportIdParams.validate({ id: 'A/B' }, {}, 'request params')).toThrow('[request params.id]: must be a report id');
  });

  it('diffs against the previous report, or against nothing', async () => {
    const { call } = setup();
    expect((await call('get', '/{id}/_diff', { params: { id: 'b' } })).payload).toEqual({
      id: 'b',
      against: 'a',
      changes: [{ path: '/n', kind: 'changed', before: 1, after: 2 }],
      truncated: false,
      maxChanges: 1000,
    });
    expect((await call('get', '/{id}/_diff', { params: { id: 'a' } })).payload).toMatchObject({ against: null, changes: [] });
  });

  it('maps each outcome of a send now', async () => {
    const delivered = setup(async () => ({ outcome: 'delivered', kept: false, entries: [entry('n')] }));
    expect(await delivered.call('post', '/_send')).toMatchObject({ status: 200, payload: { reports: [entry('n')] } });
    const refused = setup(async () => ({ outcome: 'not_opted_in' }));
    expect(await refused.call('post', '/_send')).toMatchObject({ status: 400, payload: expect.stringMatching(/^Telemetry is not opted in/) });
    expect(await setup().call('post', '/_send')).toMatchObject({ status: 400, payload: expect.stringContaining('disabled by the environment') });
    const error = TelemetrySendError.httpStatus('http://127.0.0.1:9/send', 500);
    const failed = setup(async () => ({ outcome: 'failed', error, entries: [entry('f', { status: 'failed' })] }));
    expect(await failed.call('post', '/_send')).toMatchObject({
      status: 502,
      payload: { message: 'The telemetry report was not delivered: http://127.0.0.1:9/send answered HTTP 500', attributes: { reports: [entry('f', { status: 'failed' })] } },
    });
    const broken = setup(async () => Promise.reject(new Error('cluster down')));
    expect(await broken.call('post', '/_send')).toMatchObject({ status: 500, payload: { message: 'Could not build the telemetry report: cluster down' } });
  });

  it('exports as an attachment, and refuses an unknown id before anything is sent', async () => {
    const { call } = setup();
    const download = await call('post', '/_export', { body: { ids: ['a', 'a'] } });
    expect(download.status).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="osd-telemetry-export-\d{8}T\d{6}Z\.json"$/);
    let text = '';
    for await (const chunk of download.payload as AsyncIterable<string>) text += chunk;
    expect(JSON.parse(text).reports.map((r: ReportEntry) => r.id)).toEqual(['a']);
    expect(await call('post', '/_export', { body: { ids: ['a', 'nope'] } })).toMatchObject({ status: 404, payload: { message: 'Telemetry report [nope] not found' } });
  });
});

import { coreMock, httpServerMock, httpServiceMock } from '../../../../core/server/mocks';
import { registerExampleReportRoute } from './example_report';

function setup(getStats?: jest.Mock) {
  const router = httpServiceMock.createRouter('telemetryManagementSection');
  registerExampleReportRoute({ router, getStats: () => getStats, now: () => Date.UTC(2026, 0, 1) });
  const route = router.getRoute('get', '/api/telemetry_management_section/example_report');
  const request = httpServerMock.createOpenSearchDashboardsRequest({ method: 'get', path: route.path });
  return () => route.handler(coreMock.createRequestHandlerContext(), request, httpServerMock.createResponseFactory());
}

describe('GET /api/telemetry_management_section/example_report', () => {
  it('answers the plain report as a JSON download', async () => {
    const getStats = jest.fn(async () => [{ cluster_uuid: 'c' }]);
    const response = await setup(getStats)();
    expect(response.status).toBe(200);
    expect(response.payload).toBe('[\n  {\n    "cluster_uuid": "c"\n  }\n]');
    expect(response.headers).toMatchObject({ 'content-disposition': 'attachment; filename="opensearch_dashboards_usage_data_example.json"' });
    expect(getStats).toHaveBeenCalledWith(expect.objectContaining({ unencrypted: true, start: '2025-12-31T23:40:00.000Z', end: '2026-01-01T00:00:00.000Z' }));
  });

  it('answers 500 with the reason when collection fails', async () => {
    const response = await setup(jest.fn().mockRejectedValue(new Error('boom')))();
    expect(response.status).toBe(500);
    expect(response.payload).toEqual({ message: 'Could not build the example report: boom' });
  });

  it('answers 503 before start', async () => {
    expect((await setup(undefined)()).status).toBe(503);
  });
});

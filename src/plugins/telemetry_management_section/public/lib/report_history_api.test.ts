import { createReportHistoryApi } from './report_history_api';

function setup(answer: { status: number; body: string; headers?: Record<string, string> }) {
  const http = {
    get: jest.fn(async () => ({ reports: [{ id: 'a' }] })),
    basePath: { prepend: (path: string) => `/base${path}` },
  };
  const fetch = jest.fn(async () => new Response(answer.body, { status: answer.status, headers: answer.headers }));
  return { http, fetch, api: createReportHistoryApi({ http: http as any, fetch: fetch as any }) };
}

describe('the report history client', () => {
  it('lists through core http (metadata only) and fetches a payload as text, pretty-printed as written', async () => {
    const t = setup({ status: 200, body: '{"n":1.0,"a":[1]}' });
    expect(await t.api.list()).toEqual([{ id: 'a' }]);
    expect(t.http.get).toHaveBeenCalledWith('/api/telemetry/v2/reports');
    expect(await t.api.getPayload('x/y')).toBe('{\n  "n": 1.0,\n  "a": [\n    1\n  ]\n}');
    expect(t.fetch).toHaveBeenCalledWith('/base/api/telemetry/v2/reports/x%2Fy', expect.objectContaining({ credentials: 'same-origin' }));
    expect(t.api.payloadUrl('r1')).toBe('/base/api/telemetry/v2/reports/r1');
  });

  it("gives the server's message when a payload or the export fails", async () => {
    const missing = setup({ status: 404, body: JSON.stringify({ message: 'Telemetry report [x] not found' }) });
    await expect(missing.api.getPayload('x')).rejects.toThrow('Loading the report failed: Telemetry report [x] not found');
    await expect(setup({ status: 502, body: 'bad gateway' }).api.exportAll()).rejects.toThrow('The export failed: HTTP 502');
  });

  it('posts the export with the xsrf header and names the file as the server did', async () => {
    const t = setup({ status: 200, body: '{"format":"osd-telemetry-export"}', headers: { 'content-disposition': 'attachment; filename="osd-telemetry-export-20260301T120000Z.json"' } });
    const { blob, fileName } = await t.api.exportAll();
    expect(fileName).toBe('osd-telemetry-export-20260301T120000Z.json');
    expect(await blob.text()).toBe('{"format":"osd-telemetry-export"}');
    expect(t.fetch).toHaveBeenCalledWith('/base/api/telemetry/v2/reports/_export', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'osd-xsrf': 'telemetry-report-history' },
      body: '{}',
    });
  });
});

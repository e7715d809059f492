import { buildOptInStatusRequest, buildReportRequest, encodeReport, telemetryHeaders } from './request_builder';

const server = { url: 'http://127.0.0.1:9/send', version: '2.19.0', side: 'server' as const };
const browser = { ...server, side: 'browser' as const };

describe('the shared telemetry request builder', () => {
  it('gives the server and the browser the same headers, the server adding its User-Agent', () => {
    const common = { 'Content-Type': 'application/json', 'osd-version': '2.19.0', 'osd-telemetry-version': 'v2', 'osd-telemetry-channel': 'snapshot' };
    expect(telemetryHeaders('snapshot', 'application/json', browser)).toEqual(common);
    expect(telemetryHeaders('snapshot', 'application/json', server)).toEqual({ ...common, 'User-Agent': 'OpenSearch-Dashboards/2.19.0' });
    // A sender that does not know the version sends no empty header.
    expect(telemetryHeaders('opt_in_status', 'application/json', { side: 'browser' })).toEqual({
      'Content-Type': 'application/json',
      'osd-telemetry-version': 'v2',
      'osd-telemetry-channel': 'opt_in_status',
    });
  });

  it('encodes a plain report as JSON and passes a JWE through as it is', () => {
    expect(encodeReport({ cluster_uuid: 'a', n: [1, 2] })).toEqual({ body: '{"cluster_uuid":"a","n":[1,2]}', encrypted: false });
    expect(encodeReport('eyJ.a.b.c.d')).toEqual({ body: 'eyJ.a.b.c.d', encrypted: true });
    expect(() => encodeReport(undefined)).toThrow('Not a telemetry report: undefined');
  });

  it('builds a report request: the body untouched, the content type from the encoding', () => {
    const text = '{"b":1,  "a":2}';
    expect(buildReportRequest({ body: text, encrypted: false }, browser)).toEqual({
      url: 'http://127.0.0.1:9/send',
      body: text,
      headers: { 'Content-Type': 'application/json', 'osd-version': '2.19.0', 'osd-telemetry-version': 'v2', 'osd-telemetry-channel': 'snapshot' },
    });
    expect(buildReportRequest({ body: 'jwe', encrypted: true }, server).headers['Content-Type']).toBe('application/jose');
  });

  it('builds an opt-in status request as one JSON array', () => {
    const request = buildOptInStatusRequest(['jwe1', 'jwe2'], { ...server, url: 'http://127.0.0.1:9/opt_in_status' });
    expect(request).toEqual({
      url: 'http://127.0.0.1:9/opt_in_status',
      body: '["jwe1","jwe2"]',
      headers: expect.objectContaining({ 'Content-Type': 'application/json', 'osd-telemetry-channel': 'opt_in_status', 'osd-version': '2.19.0' }),
    });
  });
});

import { ADMIN_AUTH_HEADERS, api, OsdServer, startOsdServer } from '../../../../../test/harness/osd_server';
import { storeModes } from '../../../../../test/harness/store_modes';
import { rawExchange } from '../test_utils';

const deep = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);

describe.each(storeModes('request_hardening'))('request hardening on the real server (%s store)', (mode) => {
  let server: OsdServer;
  beforeAll(async () => {
    await mode.before();
    server = await startOsdServer({ args: mode.args() });
  }, 180000);
  afterAll(async () => {
    await server?.stop();
    server?.cleanup();
    await mode.after();
  });

  it('answers 5,000 levels of JSON nesting on the settings routes with a 400, and stores nothing', async () => {
    for (const path of ['/api/opensearch-dashboards/settings', '/api/opensearch-dashboards/settings/dateFormat']) {
      const res = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'osd-xsrf': 'test', ...ADMIN_AUTH_HEADERS },
        body: `{"changes":${deep(5000)}}`,
      });
      expect(res.status).toBe(400);
      expect((await res.json()).message).toBe('Request body JSON is nested deeper than 100 levels');
    }
    const settings = await api(`${server.url}/api/opensearch-dashboards/settings`);
    expect(settings.status).toBe(200);
    const { settings: all } = settings.body;
    // buildNum is the only user value a fresh server writes itself.
    expect(Object.keys(all).filter((k) => k !== 'buildNum' && all[k].userValue !== undefined)).toEqual([]);
  });

  it('answers a malformed request with 400 and Connection: close, closes the socket, and keeps serving', async () => {
    const { text, closedByServer } = await rawExchange(server.port, 'NOT AN HTTP REQUEST\r\n\r\n');
    expect(text).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(text.toLowerCase()).toContain('\r\nconnection: close\r\n');
    expect(closedByServer).toBe(true);
    const oversizedHeader = await rawExchange(server.port, `GET /api/status HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20000)}\r\n\r\n`);
    expect(oversizedHeader.text).toMatch(/^HTTP\/1\.1 431 /);
    expect(oversizedHeader.closedByServer).toBe(true);
    expect((await api(`${server.url}/api/status`)).status).toBe(200);
  });
});

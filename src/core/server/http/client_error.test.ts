import { schema } from '@osd/config-schema';
import { HttpService } from './http_service';
import { rawExchange, silentLogger, testHttpConfig } from './test_utils';

const log = silentLogger;
const config = testHttpConfig;

describe('HttpServer with malformed requests and deep JSON', () => {
  let service: HttpService;
  let port: number;
  beforeAll(async () => {
    service = new HttpService(config, log);
    const setup = service.setup();
    setup.setCoreContextFactory(() => ({ savedObjects: { client: null, typeRegistry: null, getClient: () => null }, uiSettings: { client: null } }));
    setup
      .createRouter('test')
      .post({ path: '/echo', validate: { body: schema.any() } }, async (_c, req, res) => res.ok({ body: { ok: true, type: typeof req.body } }));
    await service.start();
    port = setup.getServerInfo().port;
  });
  afterAll(() => service.stop());

  it('answers a malformed request line with 400 and Connection: close, then closes the socket', async () => {
    const { text, closedByServer } = await rawExchange(port, 'GARBAGE\r\n\r\n');
    expect(text).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(text.toLowerCase()).toContain('\r\nconnection: close\r\n');
    expect(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4))).toEqual({ statusCode: 400, error: 'Bad Request', message: 'Bad Request' });
    expect(closedByServer).toBe(true);
  });

  it('answers a malformed header the same way', async () => {
    const { text, closedByServer } = await rawExchange(port, 'GET /echo HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n');
    expect(text).toMatch(/^HTTP\/1\.1 400 /);
    expect(text.toLowerCase()).toContain('connection: close');
    expect(closedByServer).toBe(true);
  });

  it('keeps serving well-formed requests afterwards', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'osd-xsrf': 'x' },
      body: JSON.stringify({ a: [1, { b: 2 }] }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, type: 'object' });
  });

  it('refuses a JSON body nested 5,000 levels deep with a 400, not a 500', async () => {
    const body = '['.repeat(5000) + ']'.repeat(5000);
    const res = await fetch(`http://127.0.0.1:${port}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'osd-xsrf': 'x' },
      body,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Request body JSON is nested deeper than 100 levels',
    });
  });
});

import { schema } from '@osd/config-schema';
import { HttpService } from './http_service';
import { HttpConfig } from './http_config';
import { testHttpConfig } from './test_utils';

const errors: string[] = [];
const log = {
  trace() {}, debug() {}, info() {}, warn() {}, fatal() {},
  error: (m: unknown) => errors.push(String(m)),
  get: () => log,
} as any;

// A small body limit, so the 413 cases need only small bodies.
const baseConfig: HttpConfig = { ...testHttpConfig, maxPayloadBytes: 1024 };

async function startWith(register: (router: any, setup: any) => void, config: Partial<HttpConfig> = {}) {
  const service = new HttpService({ ...baseConfig, ...config }, log);
  const setup = service.setup();
  setup.setCoreContextFactory(() => ({ savedObjects: { client: 'so-client', typeRegistry: null, getClient: () => 'so-client' }, uiSettings: { client: null } }));
  register(setup.createRouter('testPlugin'), setup);
  await service.start();
  const url = `http://127.0.0.1:${setup.getServerInfo().port}${config.basePath ?? ''}`;
  return { service, url, setup };
}

describe('HttpService router', () => {
  let stop: () => Promise<void> = async () => undefined;
  afterEach(async () => {
    await stop();
    errors.length = 0;
  });

  it('validates params, query and body, answering 400 with the field named', async () => {
    const { service, url } = await startWith((router) => {
      router.post(
        {
          path: '/api/things/{id}',
          validate: {
            params: schema.object({ id: schema.string({ minLength: 3 }) }),
            query: schema.object({ force: schema.boolean({ defaultValue: false }) }),
            body: schema.object({ enabled: schema.boolean() }),
          },
        },
        async (_ctx: any, req: any, res: any) => res.ok({ body: { id: req.params.id, force: req.query.force, body: req.body } })
      );
    });
    stop = () => service.stop();
    const post = (path: string, body: unknown) =>
      fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json', 'osd-xsrf': 'x' }, body: JSON.stringify(body) });

    const ok = await post('/api/things/abc?force=true', { enabled: true });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ id: 'abc', force: true, body: { enabled: true } });

    const badBody = await post('/api/things/abc', { enabled: 'yes' });
    expect(badBody.status).toBe(400);
    expect(await badBody.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: '[request body.enabled]: expected value of type [boolean] but got [string]',
    });
    const badParam = await post('/api/things/ab', { enabled: true });
    expect((await badParam.json()).message).toMatch(/^\[request params\.id\]/);
    const badQuery = await post('/api/things/abc?force=maybe', { enabled: true });
    expect((await badQuery.json()).message).toMatch(/^\[request query\.force\]/);
    const unknownKey = await post('/api/things/abc', { enabled: true, extra: 1 });
    expect((await unknownKey.json()).message).toBe('[request body.extra]: definition for this key is missing');
  });

  it('requires the osd-xsrf header on non-GET requests unless the route or config opts out', async () => {
    const { service, url } = await startWith((router) => {
      const handler = async (_c: any, _r: any, res: any) => res.ok({ body: { ok: true } });
      router.post({ path: '/a', validate: false }, handler);
      router.post({ path: '/b', validate: false, options: { xsrfRequired: false } }, handler);
      router.get({ path: '/c', validate: false }, handler);
    });
    stop = () => service.stop();
    const a = await fetch(url + '/a', { method: 'POST' });
    expect(a.status).toBe(400);
    expect((await a.json()).message).toBe('Request must contain a osd-xsrf header.');
    expect((await fetch(url + '/a', { method: 'POST', headers: { 'osd-xsrf': 'true' } })).status).toBe(200);
    expect((await fetch(url + '/a', { method: 'POST', headers: { 'osd-version': '2.19.0' } })).status).toBe(200);
    expect((await fetch(url + '/b', { method: 'POST' })).status).toBe(200);
    expect((await fetch(url + '/c')).status).toBe(200);

    const off = await startWith((router) => router.post({ path: '/a', validate: false }, async (_c: any, _r: any, res: any) => res.ok()), {
      xsrf: { disableProtection: true, allowlist: [] },
    });
    expect((await fetch(off.url + '/a', { method: 'POST' })).status).toBe(200);
    await off.service.stop();
  });

  it('answers 413 for bodies over the limit, per route or server-wide', async () => {
    const { service, url } = await startWith((router) => {
      const body = schema.object({ data: schema.string() });
      router.post({ path: '/small', validate: { body } }, async (_c: any, _r: any, res: any) => res.ok());
      router.post({ path: '/big', validate: { body }, options: { body: { maxBytes: 4096 } } }, async (_c: any, _r: any, res: any) => res.ok());
    });
    stop = () => service.stop();
    const payload = JSON.stringify({ data: 'x'.repeat(2000) });
    const headers = { 'content-type': 'application/json', 'osd-xsrf': 'x' };
    const small = await fetch(url + '/small', { method: 'POST', headers, body: payload });
    expect(small.status).toBe(413);
    expect((await small.json()).message).toBe('Payload content length greater than maximum allowed: 1024');
    expect((await fetch(url + '/big', { method: 'POST', headers, body: payload })).status).toBe(200);
  });

  it('parses JSON and text bodies, or hands over the raw bytes when a route sets body.parse: false', async () => {
    const seen: unknown[] = [];
    const { service, url } = await startWith((router) => {
      const record = async (_c: any, r: any, res: any) => (seen.push(r.body), res.ok());
      router.post({ path: '/parsed', validate: { body: (b: unknown) => b } }, record);
      router.post({ path: '/raw', validate: { body: schema.buffer() }, options: { body: { parse: false } } }, record);
    });
    stop = () => service.stop();
    const post = (path: string, type: string, body: string) =>
      fetch(url + path, { method: 'POST', headers: { 'content-type': type, 'osd-xsrf': 'x' }, body });
    expect((await post('/parsed', 'application/json', '{"a":[1]}')).status).toBe(200);
    expect((await post('/parsed', 'text/plain', 'hello')).status).toBe(200);
    expect((await post('/raw', 'application/json', '{"a":[1]}')).status).toBe(200);
    expect((await post('/raw', 'application/json', '{not json')).status).toBe(200);
    expect(seen[0]).toEqual({ a: [1] });
    expect(seen[1]).toBe('hello');
    expect(Buffer.isBuffer(seen[2]) && (seen[2] as Buffer).toString()).toBe('{"a":[1]}');
    expect((seen[3] as Buffer).toString()).toBe('{not json');
    // Parsed routes keep Fastify's JSON rules: bad JSON and prototype poisoning are 400s.
    const bad = await post('/parsed', 'application/json', '{not json');
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toBe('Invalid request payload JSON format');
    expect((await post('/parsed', 'application/json', '{"__proto__":{"x":1}}')).status).toBe(400);
    expect(seen).toHaveLength(4);
  });

  it('turns a thrown error into a logged 500 with no stack in the body', async () => {
    const { service, url } = await startWith((router) => {
      router.get({ path: '/boom', validate: false }, async () => {
        throw new Error('secret detail');
      });
      router.get({ path: '/fine', validate: false }, async (_c: any, _r: any, res: any) => res.ok({ body: 'fine' }));
    });
    stop = () => service.stop();
    const res = await fetch(url + '/boom');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'An internal server error occurred.' });
    expect(text).not.toContain('secret');
    expect(errors.join('\n')).toContain('secret detail');
    // One broken route leaves the others working.
    expect(await (await fetch(url + '/fine')).text()).toBe('fine');
  });

  it('maps every response factory helper to its status and error body', async () => {
    const { service, url } = await startWith((router) => {
      router.get({ path: '/r/{kind}', validate: { params: schema.object({ kind: schema.string() }) } }, async (_c: any, req: any, res: any) => {
        switch (req.params.kind) {
          case 'unauthorized': return res.unauthorized();
          case 'forbidden': return res.forbidden({ body: 'no access' });
          case 'notFound': return res.notFound();
          case 'conflict': return res.conflict({ body: new Error('version conflict') });
          case 'custom': return res.customError({ statusCode: 418, body: { message: 'teapot', attributes: { a: 1 } } });
          default: return res.badRequest({ body: 'bad' });
        }
      });
    });
    stop = () => service.stop();
    const get = async (k: string) => {
      const r = await fetch(`${url}/r/${k}`);
      return [r.status, await r.json()];
    };
    expect(await get('unauthorized')).toEqual([401, { statusCode: 401, error: 'Unauthorized', message: 'Unauthorized' }]);
    expect(await get('forbidden')).toEqual([403, { statusCode: 403, error: 'Forbidden', message: 'no access' }]);
    expect((await get('notFound'))[0]).toBe(404);
    expect(await get('conflict')).toEqual([409, { statusCode: 409, error: 'Conflict', message: 'version conflict' }]);
    expect(await get('custom')).toEqual([418, { statusCode: 418, error: "I'm a Teapot", message: 'teapot', attributes: { a: 1 } }]);
    expect((await get('other'))[0]).toBe(400);
    const missing = await fetch(`${url}/nothing/here`);
    expect(missing.status).toBe(404);
  });

  it('serves routes under server.basePath, with wildcard params and a per-request context', async () => {
    const { service, url } = await startWith(
      (router, setup) => {
        setup.registerRouteHandlerContext('myPlugin', () => ({ answer: 42 }));
        router.get(
          { path: '/files/{path*}', validate: { params: schema.object({ path: schema.string() }) } },
          async (ctx: any, req: any, res: any) => res.ok({ body: { path: req.params.path, so: ctx.core.savedObjects.client, mine: ctx.myPlugin.answer } })
        );
      },
      { basePath: '/osd' }
    );
    stop = () => service.stop();
    expect(await (await fetch(url + '/files/a/b.txt')).json()).toEqual({ path: 'a/b.txt', so: 'so-client', mine: 42 });
  });

  it('gives handlers the request id (x-opaque-id or a generated one), the URL and the system flag', async () => {
    const { service, url } = await startWith((router) => {
      router.get({ path: '/req', validate: false }, async (_c: any, req: any, res: any) =>
        res.ok({ body: { id: req.id, path: req.url.pathname, q: req.url.searchParams.get('a'), system: req.isSystemRequest, aborted: typeof req.events.aborted$.subscribe } })
      );
    });
    stop = () => service.stop();
    const given = await (await fetch(`${url}/req?a=1`, { headers: { 'x-opaque-id': 'abc', 'osd-system-request': 'true' } })).json();
    expect(given).toEqual({ id: 'abc', path: '/req', q: '1', system: true, aborted: 'function' });
    const generated = await (await fetch(`${url}/req`)).json();
    expect(generated.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(generated.system).toBe(false);
  });

  it('throws at registration for a missing validate, a bad path or a duplicate', async () => {
    const service = new HttpService(baseConfig, log);
    const setup = service.setup();
    const router = setup.createRouter();
    const h = async (_c: any, _r: any, res: any) => res.ok();
    expect(() => router.get({ path: '/x' } as any, h)).toThrow(
      "The [get] at [/x] does not have a 'validate' specified. Use 'false' as the value if you want to bypass validation."
    );
    expect(() => router.get({ path: 'x', validate: false }, h)).toThrow('"path" must be a string starting with a slash');
    router.get({ path: '/x', validate: false }, h);
    expect(() => router.get({ path: '/x', validate: false }, h)).toThrow('[GET /x] is already registered');
    expect(() => router.get({ path: '/y', validate: { body: schema.object({}) } }, h)).toThrow('cannot validate a body');
    expect(() => setup.registerRouteHandlerContext('core', (() => ({})) as any)).toThrow('reserved');
  });
});

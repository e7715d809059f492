import { schema } from '@osd/config-schema';
import { HttpService } from '../http_service';
import { silentLogger, testHttpConfig } from '../test_utils';
import type { InternalHttpServiceSetup } from '../types';
import { AuthStatus } from './types';

const log = silentLogger;
const config = testHttpConfig;

type Register = (setup: InternalHttpServiceSetup, router: ReturnType<InternalHttpServiceSetup['createRouter']>) => void;

async function start(register: Register) {
  const service = new HttpService(config, log);
  const setup = service.setup();
  setup.setCoreContextFactory(() => ({ savedObjects: { client: null, typeRegistry: null, getClient: () => null }, uiSettings: { client: null } }));
  register(setup, setup.createRouter('test'));
  await service.start();
  return { service, setup, url: `http://127.0.0.1:${setup.getServerInfo().port}` };
}

/** Routes with each authRequired mode, answering what the handler saw of the caller. */
const authRoutes: Register = (setup, router) => {
  const seen = async (_c: unknown, req: any, res: any) => res.ok({ body: { auth: setup.auth.get(req), isAuthenticated: req.auth.isAuthenticated } });
  router.get({ path: '/required', validate: false }, seen);
  router.get({ path: '/optional', validate: false, options: { authRequired: 'optional' } }, seen);
  router.get({ path: '/public', validate: false, options: { authRequired: false } }, seen);
};

describe('core.http request interceptors', () => {
  let stop = async () => {};
  afterEach(() => stop());

  it('answers 401 on routes that need auth when the handler does not know the caller; optional and public routes go on', async () => {
    const calls: string[] = [];
    const { service, url } = await start((setup, router) => {
      setup.registerAuth((req, _res, t) => {
        calls.push(req.route.path);
        return t.notHandled();
      });
      authRoutes(setup, router);
    });
    stop = () => service.stop();
    const required = await fetch(`${url}/required`);
    expect(required.status).toBe(401);
    expect(await required.json()).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Unauthorized' });
    expect(await (await fetch(`${url}/optional`)).json()).toEqual({ auth: { status: AuthStatus.unauthenticated }, isAuthenticated: false });
    expect(await (await fetch(`${url}/public`)).json()).toEqual({ auth: { status: AuthStatus.unknown }, isAuthenticated: false });
    // The auth handler never ran for the public route.
    expect(calls).toEqual(['/required', '/optional']);
  });

  it('hands the auth state to handlers and adds the auth response headers', async () => {
    const { service, url } = await start((setup, router) => {
      setup.registerAuth((req, _res, t) =>
        req.headers.authorization === 'Bearer good'
          ? t.authenticated({ state: { username: 'alice' }, responseHeaders: { 'set-cookie': 'sid=1; HttpOnly' } })
          : t.notHandled()
      );
      authRoutes(setup, router);
    });
    stop = () => service.stop();
    const res = await fetch(`${url}/required`, { headers: { authorization: 'Bearer good' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toBe('sid=1; HttpOnly');
    expect(await res.json()).toEqual({ auth: { status: AuthStatus.authenticated, state: { username: 'alice' } }, isAuthenticated: true });
  });

  it('lets the auth handler redirect or answer itself', async () => {
    const { service, url } = await start((setup, router) => {
      setup.registerAuth((req, res, t) => {
        if (req.headers['x-mode'] === 'redirect') return t.redirected({ location: '/login?next=%2Frequired' });
        return res.customError({ statusCode: 429, body: { message: 'slow down' }, headers: { 'retry-after': '30' } });
      });
      authRoutes(setup, router);
    });
    stop = () => service.stop();
    const redirect = await fetch(`${url}/required`, { headers: { 'x-mode': 'redirect' }, redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('/login?next=%2Frequired');
    const throttled = await fetch(`${url}/required`);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('30');
    expect((await throttled.json()).message).toBe('slow down');
  });

  it('runs on-pre-auth before the body is read, then auth, then on-post-auth', async () => {
    const order: string[] = [];
    const { service, url } = await start((setup, router) => {
      setup.registerOnPreAuth((req, res, t) => {
        order.push('preAuth');
        return req.headers['x-block'] ? res.customError({ statusCode: 429, body: 'blocked' }) : t.next();
      });
      setup.registerAuth((_req, _res, t) => {
        order.push('auth');
        return t.authenticated({ state: { roles: ['viewer'] } });
      });
      setup.registerOnPostAuth((req, res, t) => {
        order.push('postAuth');
        const roles = (setup.auth.get<{ roles: string[] }>(req).state?.roles ?? []);
        return req.route.path === '/admin' && !roles.includes('admin') ? res.forbidden({ body: 'missing [security:manage]' }) : t.next();
      });
      router.post({ path: '/echo', validate: { body: schema.object({ a: schema.number() }) } }, async (_c, req, res) => {
        order.push('handler');
        return res.ok({ body: req.body });
      });
      router.get({ path: '/admin', validate: false }, async (_c, _r, res) => res.ok());
    });
    stop = () => service.stop();
    const post = (headers: Record<string, string>, body: string) =>
      fetch(`${url}/echo`, { method: 'POST', headers: { 'content-type': 'application/json', 'osd-xsrf': '1', ...headers }, body });
    // Malformed JSON, yet 429: the body was never parsed.
    const blocked = await post({ 'x-block': '1' }, '{not json');
    expect(blocked.status).toBe(429);
    expect(order).toEqual(['preAuth']);
    order.length = 0;
    expect(await (await post({}, '{"a":1}')).json()).toEqual({ a: 1 });
    expect(order).toEqual(['preAuth', 'auth', 'postAuth', 'handler']);
    const forbidden = await fetch(`${url}/admin`);
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json()).message).toBe('missing [security:manage]');
  });

  it('adds on-pre-response headers to every answer, errors and not-found included, never replacing the route\'s', async () => {
    const statuses: number[] = [];
    const { service, url } = await start((setup, router) => {
      setup.registerOnPreResponse((_req, info, t) => {
        statuses.push(info.statusCode);
        return t.next({ headers: { 'x-seen': String(info.statusCode), 'x-route': 'interceptor' } });
      });
      router.get({ path: '/ok', validate: false }, async (_c, _r, res) => res.ok({ body: 'fine', headers: { 'x-route': 'route' } }));
      router.get({ path: '/q', validate: { query: schema.object({ n: schema.number() }) } }, async (_c, _r, res) => res.ok());
    });
    stop = () => service.stop();
    const ok = await fetch(`${url}/ok`);
    expect(ok.headers.get('x-seen')).toBe('200');
    expect(ok.headers.get('x-route')).toBe('route');
    expect((await fetch(`${url}/q?n=x`)).headers.get('x-seen')).toBe('400');
    expect((await fetch(`${url}/nowhere`)).headers.get('x-seen')).toBe('404');
    expect(statuses).toEqual([200, 400, 404]);
  });

  it('with no auth handler, every route is served and the status is unknown', async () => {
    const { service, url } = await start(authRoutes);
    stop = () => service.stop();
    expect(await (await fetch(`${url}/required`)).json()).toEqual({ auth: { status: AuthStatus.unknown }, isAuthenticated: false });
  });

  it('refuses a second auth handler, a non-function, and registrations after start', async () => {
    const { service, setup } = await start((s) => s.registerAuth((_r, _res, t) => t.notHandled()));
    stop = () => service.stop();
    expect(() => setup.registerAuth((_r, _res, t) => t.notHandled())).toThrow('must be called during setup');
    const fresh = new HttpService(config, log).setup();
    fresh.registerAuth((_r, _res, t) => t.notHandled());
    expect(() => fresh.registerAuth((_r, _res, t) => t.notHandled())).toThrow('Auth interceptor was already registered');
    expect(() => fresh.registerOnPreAuth('nope' as any)).toThrow('registerOnPreAuth expects a function, got string');
    expect(() => setup.registerOnPreResponse((_r, _i, t) => t.next())).toThrow('registerOnPreResponse must be called during setup: the server has started');
  });

  it('turns an interceptor that throws into a logged 500, and other routes keep working', async () => {
    const { service, url } = await start((setup, router) => {
      setup.registerOnPreAuth((req, _res, t) => {
        if (req.route.path === '/boom') throw new Error('interceptor bug');
        return t.next();
      });
      router.get({ path: '/boom', validate: false }, async (_c, _r, res) => res.ok());
      router.get({ path: '/fine', validate: false }, async (_c, _r, res) => res.ok({ body: 'fine' }));
    });
    stop = () => service.stop();
    const boom = await fetch(`${url}/boom`);
    expect(boom.status).toBe(500);
    expect(await boom.text()).not.toContain('interceptor bug');
    expect(await (await fetch(`${url}/fine`)).text()).toBe('fine');
  });
});

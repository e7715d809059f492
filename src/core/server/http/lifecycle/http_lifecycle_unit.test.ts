import type { OpenSearchDashboardsRequest } from '../router';
import { HttpLifecycle, REQUEST_KEY } from './http_lifecycle';
import { AuthStatus } from './types';

const request = (key: object = {}) =>
  ({ [REQUEST_KEY]: key, route: { path: '/x', method: 'get', options: { authRequired: true, xsrfRequired: true, tags: [] } }, headers: {} }) as unknown as OpenSearchDashboardsRequest;

describe('HttpLifecycle without a server', () => {
  it('answers on-pre-response synchronously while the interceptors do, merging their headers in order', async () => {
    const lifecycle = new HttpLifecycle();
    const setup = lifecycle.setup();
    setup.registerOnPreResponse((_r, _i, t) => t.next({ headers: { a: '1', b: '1' } }));
    setup.registerOnPreResponse((_r, { statusCode }, t) => t.next({ headers: { b: String(statusCode) } }));
    expect(lifecycle.runPreResponse(request(), 204)).toEqual({ a: '1', b: '204' });

    setup.registerOnPreResponse(async (_r, _i, t) => t.next({ headers: { c: '3' } }));
    setup.registerOnPreResponse((_r, _i, t) => t.next());
    const later = lifecycle.runPreResponse(request(), 200);
    expect(later).toBeInstanceOf(Promise);
    expect(await later).toEqual({ a: '1', b: '200', c: '3' });
  });

  it('refuses an on-pre-response result that is not next(), synchronous or not', async () => {
    const sync = new HttpLifecycle();
    sync.setup().registerOnPreResponse(() => ({ kind: 'other' }) as never);
    expect(() => sync.runPreResponse(request(), 200)).toThrow('Unexpected result from onPreResponse');
    const async = new HttpLifecycle();
    async.setup().registerOnPreResponse(async () => undefined as never);
    await expect(async.runPreResponse(request(), 200)).rejects.toThrow('Unexpected result from onPreResponse');
  });

  it('keeps the auth outcome per incoming request, frozen request objects included, and per lifecycle', async () => {
    const lifecycle = new HttpLifecycle();
    const setup = lifecycle.setup();
    setup.registerAuth((_r, _res, t) => t.authenticated({ state: { user: 'alice' } }));
    const key = {};
    const frozenKey = Object.freeze({});
    await lifecycle.runBeforeHandler(request(key));
    await lifecycle.runBeforeHandler(request(frozenKey));
    for (const k of [key, frozenKey]) {
      // Another request object of the same incoming request sees the same outcome.
      expect(setup.auth.get(request(k))).toEqual({ status: AuthStatus.authenticated, state: { user: 'alice' } });
      expect(setup.auth.isAuthenticated(request(k))).toBe(true);
    }
    expect(setup.auth.get(request({}))).toEqual({ status: AuthStatus.unknown });
    expect(new HttpLifecycle().auth.get(request(key))).toEqual({ status: AuthStatus.unknown });
  });
});

import { isBrowserRoute, loginRedirectLocation, unauthenticatedAction, type RouteInfo } from './unauthenticated';

const page: RouteInfo = { method: 'get', path: '/app/{path*}', authRequired: true };
const home: RouteInfo = { method: 'get', path: '/', authRequired: 'optional' };
const api: RouteInfo = { method: 'get', path: '/api/stats', authRequired: true };
const optionalApi: RouteInfo = { method: 'get', path: '/api/x', authRequired: 'optional' };

const none = { kind: 'none' } as const;
const deadSession = { kind: 'failed', credential: 'session', reason: 'session expired or revoked' } as const;
const wrongBasic = { kind: 'failed', credential: 'basic', reason: 'wrong username or password', username: 'bob' } as const;
const badHeader = { kind: 'failed', credential: 'header', reason: 'malformed Authorization header' } as const;
const throttled = { kind: 'throttled', username: 'bob', retryAfterSeconds: 42 } as const;

describe('isBrowserRoute', () => {
  it('is GET / and GET /app…, nothing else', () => {
    expect(isBrowserRoute({ method: 'get', path: '/' })).toBe(true);
    expect(isBrowserRoute({ method: 'get', path: '/app' })).toBe(true);
    expect(isBrowserRoute({ method: 'get', path: '/app/{path*}' })).toBe(true);
    expect(isBrowserRoute({ method: 'post', path: '/app/{path*}' })).toBe(false);
    expect(isBrowserRoute({ method: 'get', path: '/api/status' })).toBe(false);
    expect(isBrowserRoute({ method: 'get', path: '/apps' })).toBe(false);
    expect(isBrowserRoute({ method: 'get', path: '/ui/bundles/{buildHash}/{file}' })).toBe(false);
  });
});

describe('unauthenticatedAction', () => {
  it('sends pages without a usable session to the login page, clearing a dead cookie', () => {
    expect(unauthenticatedAction(page, none)).toEqual({ kind: 'redirect', clearCookie: false });
    expect(unauthenticatedAction(home, none)).toEqual({ kind: 'redirect', clearCookie: false });
    expect(unauthenticatedAction(page, deadSession)).toEqual({ kind: 'redirect', clearCookie: true });
  });

  it('answers API routes 401: missing credentials, or an ended session with the cookie cleared', () => {
    expect(unauthenticatedAction(api, none)).toEqual({ kind: 'unauthorized', message: '[security] missing credentials', clearCookie: false });
    expect(unauthenticatedAction(api, deadSession)).toEqual({ kind: 'unauthorized', message: '[security] session expired or revoked', clearCookie: true });
  });

  it('lets optional routes go on anonymously with no credentials, but not with a dead cookie', () => {
    expect(unauthenticatedAction(optionalApi, none)).toEqual({ kind: 'anonymous' });
    expect(unauthenticatedAction(optionalApi, deadSession)).toMatchObject({ kind: 'unauthorized', clearCookie: true });
  });

  it('never ignores wrong credentials sent on purpose: 401 with one generic message, on pages and optional routes too', () => {
    for (const route of [page, home, api, optionalApi]) {
      for (const outcome of [wrongBasic, badHeader]) {
        expect(unauthenticatedAction(route, outcome)).toEqual({ kind: 'unauthorized', message: '[security] invalid credentials', clearCookie: false });
      }
    }
  });

  it('answers a throttled username 429 everywhere', () => {
    for (const route of [page, api, optionalApi]) {
      expect(unauthenticatedAction(route, throttled)).toEqual({ kind: 'throttled', retryAfterSeconds: 42 });
    }
  });
});

describe('loginRedirectLocation', () => {
  it('keeps the path and query as next, under the base path', () => {
    expect(loginRedirectLocation('', '/app/home?x=1&y=a b')).toBe('/login?next=%2Fapp%2Fhome%3Fx%3D1%26y%3Da%20b');
    expect(loginRedirectLocation('/osd', '/')).toBe('/osd/login?next=%2Fosd%2F');
  });
});

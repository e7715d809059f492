/*
 * What a request that authentication did not accept gets: one pure rule, so each case can be tested.
 *
 * - A browser page (`GET /`, `GET /app…`) with no usable session goes to the login page, which sends it
 *   back to `next` afterwards.
 * - A route that allows anonymous callers (`authRequired: 'optional'`) carries on without a caller when
 *   nothing (or only a dead session cookie) was presented.
 * - Everything else is a 401; credentials sent on purpose (an Authorization header) are never silently
 *   ignored, not even on optional routes or pages.
 * - A throttled username is a 429 everywhere.
 * A dead session cookie is cleared on the way, whatever the answer.
 */
import type { AuthenticationOutcome } from './authenticator';

export interface RouteInfo {
  method: string;
  /** The route's declared path, e.g. `/app/{path*}`. */
  path: string;
  authRequired: boolean | 'optional';
}

export type UnauthenticatedAction =
  | { kind: 'redirect'; clearCookie: boolean }
  | { kind: 'anonymous' }
  | { kind: 'unauthorized'; message: string; clearCookie: boolean }
  | { kind: 'throttled'; retryAfterSeconds: number };

export const MISSING_CREDENTIALS_MESSAGE = '[security] missing credentials';
export const INVALID_CREDENTIALS_MESSAGE = '[security] invalid credentials';
export const SESSION_ENDED_MESSAGE = '[security] session expired or revoked';

/** The pages a person opens in a browser, as opposed to the APIs scripts and the page itself call. */
export function isBrowserRoute(route: Pick<RouteInfo, 'method' | 'path'>): boolean {
  const { path } = route;
  return route.method === 'get' && (path === '/' || path === '/app' || path.startsWith('/app/'));
}

export function unauthenticatedAction(
  route: RouteInfo,
  outcome: Exclude<AuthenticationOutcome, { kind: 'authenticated' }>
): UnauthenticatedAction {
  if (outcome.kind === 'throttled') return { kind: 'throttled', retryAfterSeconds: outcome.retryAfterSeconds };
  const deadCookie = outcome.kind === 'failed' && outcome.credential === 'session';
  if (outcome.kind === 'failed' && !deadCookie) {
    return { kind: 'unauthorized', message: INVALID_CREDENTIALS_MESSAGE, clearCookie: false };
  }
  if (isBrowserRoute(route)) return { kind: 'redirect', clearCookie: deadCookie };
  if (route.authRequired === 'optional' && !deadCookie) return { kind: 'anonymous' };
  // A dead cookie on an optional route is a 401 too: the anonymous answer could not clear the cookie,
  // and the browser would keep sending it.
  return { kind: 'unauthorized', message: deadCookie ? SESSION_ENDED_MESSAGE : MISSING_CREDENTIALS_MESSAGE, clearCookie: deadCookie };
}

/**
 * `<basePath>/login?next=<basePath><path>?<query>`: the login page sends the browser back where it was.
 * `pathAndQuery` is the request's path without the base path (as routes see it).
 */
export function loginRedirectLocation(basePath: string, pathAndQuery: string): string {
  return `${basePath}/login?next=${encodeURIComponent(`${basePath}${pathAndQuery}`)}`;
}

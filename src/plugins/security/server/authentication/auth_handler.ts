/*
 * The handler given to `core.http.registerAuth`: runs the authenticator on each request of a route that
 * needs (or accepts) a caller and turns the outcome into core's answer. Failures are audited; successes
 * are not (one line per API call would drown the log), logins are, by the login route.
 */
import type { AuthenticationHandler, OpenSearchDashboardsRequest } from '../../../../core/server';
import type { AuditLogger } from '../audit';
import { serializeClearedSessionCookie, type SessionCookieOptions } from '../session_cookie';
import type { AuthenticationOutcome, Authenticator } from './authenticator';
import { loginRedirectLocation, unauthenticatedAction } from './unauthenticated';

export const WWW_AUTHENTICATE = 'Basic realm="OpenSearch Dashboards", charset="UTF-8"';

export interface AuthHandlerDeps {
  /** Undefined until the plugin has started (no request arrives before, but fail safe). */
  getAuthenticator(): Authenticator | undefined;
  /** `server.basePath`, '' when unset. */
  basePath: string;
  cookie: SessionCookieOptions;
  audit: AuditLogger;
}

/**
 * Whether a 401 should invite a Basic prompt: yes for scripts and curl, no for the browser app's own
 * calls (it sends `osd-version`), where a native password dialog would pop up over the page.
 */
function wantsChallenge(request: OpenSearchDashboardsRequest): boolean {
  return request.headers['osd-version'] === undefined;
}

const AUTH_TYPE_OF: Record<string, string> = { basic: 'basic', api_key: 'api_key', session: 'session', header: 'header' };

function auditFailure(deps: AuthHandlerDeps, request: OpenSearchDashboardsRequest, outcome: AuthenticationOutcome) {
  const where = { method: request.route.method, path: request.url.pathname };
  if (outcome.kind === 'failed') {
    deps.audit.log({
      action: 'authenticate',
      outcome: 'failure',
      user: outcome.username,
      authType: AUTH_TYPE_OF[outcome.credential],
      reason: outcome.reason,
      ...where,
    });
  } else if (outcome.kind === 'throttled') {
    deps.audit.log({
      action: 'authenticate',
      outcome: 'denied',
      user: outcome.username,
      authType: 'basic',
      reason: 'too many failed logins',
      retryAfterSeconds: outcome.retryAfterSeconds,
      ...where,
    });
  }
}

export function createAuthHandler(deps: AuthHandlerDeps): AuthenticationHandler {
  const clearedCookie = () => serializeClearedSessionCookie(deps.cookie);
  return async (request, response, toolkit) => {
    const authenticator = deps.getAuthenticator();
    if (!authenticator) {
      return response.customError({ statusCode: 503, body: { message: '[security] not started yet' } });
    }
    const outcome = await authenticator.authenticate(request.headers);
    if (outcome.kind === 'authenticated') return toolkit.authenticated({ state: outcome.state });
    auditFailure(deps, request, outcome);

    const route = { method: request.route.method, path: request.route.path, authRequired: request.route.options.authRequired };
    const action = unauthenticatedAction(route, outcome);
    switch (action.kind) {
      case 'anonymous':
        return toolkit.notHandled();
      case 'redirect': {
        const location = loginRedirectLocation(deps.basePath, `${request.url.pathname}${request.url.search}`);
        return toolkit.redirected({ location, ...(action.clearCookie && { 'set-cookie': clearedCookie() }) });
      }
      case 'throttled':
        return response.customError({
          statusCode: 429,
          body: { message: `[security] too many failed logins for this user; retry in ${action.retryAfterSeconds} s` },
          headers: { 'retry-after': String(action.retryAfterSeconds) },
        });
      case 'unauthorized':
        return response.unauthorized({
          body: { message: action.message },
          headers: {
            ...(wantsChallenge(request) && { 'www-authenticate': WWW_AUTHENTICATE }),
            ...(action.clearCookie && { 'set-cookie': clearedCookie() }),
          },
        });
    }
  };
}

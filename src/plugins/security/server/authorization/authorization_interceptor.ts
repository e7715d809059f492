/*
 * The `registerOnPostAuth` interceptor: after authentication, refuses a caller who lacks what the route's
 * `access:` tags ask for (see access_rule.ts) with a 403 naming the missing privileges. Refusals are
 * audited; allowed requests are not.
 */
import { AuthStatus, type HttpAuth, type OnPostAuthHandler } from '../../../../core/server';
import type { AuditLogger } from '../audit';
import type { SecurityAuthState } from '../types';
import { decideAccess, forbiddenMessage } from './access_rule';

export interface AuthorizationInterceptorDeps {
  auth: HttpAuth;
  audit: AuditLogger;
}

export function createAuthorizationInterceptor({ auth, audit }: AuthorizationInterceptorDeps): OnPostAuthHandler {
  return (request, response, toolkit) => {
    const { status, state } = auth.get<SecurityAuthState>(request);
    const authenticated = status === AuthStatus.authenticated && state !== undefined;
    const decision = decideAccess(request.route.options, { authenticated, roles: state?.roles });
    if (decision.allowed) return toolkit.next();
    audit.log({
      action: 'authorize',
      outcome: 'denied',
      user: state?.username,
      authType: state?.authenticationType,
      roles: state?.roles,
      missing: decision.missing,
      method: request.route.method,
      path: request.url.pathname,
    });
    return response.forbidden({ body: { message: forbiddenMessage(decision.missing) } });
  };
}

/*
 * The `registerOnPreResponse` interceptor behind generic audit lines: a route tagged `audit:<action>`
 * (e.g. `audit:telemetry_opt_in`, `audit:ui_settings_write`) gets one line per answered request naming
 * the caller, the action and the outcome by status code. The route itself needs no audit code.
 */
import type { HttpAuth, OnPreResponseHandler } from '../../../core/server';
import { routeAuditAction, type AuditLogger, type AuditOutcome, type RouteAuditAction } from './audit';
import type { SecurityAuthState } from './types';

export const AUDIT_TAG_PREFIX = 'audit:';

/** The actions of a route's `audit:` tags; malformed ones are ignored (they could not be logged safely). */
export function auditActionsOf(tags: readonly string[]): RouteAuditAction[] {
  const actions: RouteAuditAction[] = [];
  for (const tag of tags) {
    if (!tag.startsWith(AUDIT_TAG_PREFIX)) continue;
    const action = routeAuditAction(tag.slice(AUDIT_TAG_PREFIX.length));
    if (action && !actions.includes(action)) actions.push(action);
  }
  return actions;
}

/** 2xx/3xx succeeded; 401 and 403 were refused before the route acted; anything else failed. */
export function outcomeOfStatus(statusCode: number): AuditOutcome {
  if (statusCode < 400) return 'success';
  return statusCode === 401 || statusCode === 403 ? 'denied' : 'failure';
}

export function createAuditInterceptor({ auth, audit }: { auth: HttpAuth; audit: AuditLogger }): OnPreResponseHandler {
  return (request, { statusCode }, toolkit) => {
    const actions = auditActionsOf(request.route.options.tags);
    if (actions.length > 0) {
      const state = auth.get<SecurityAuthState>(request).state;
      for (const action of actions) {
        audit.log({
          action,
          outcome: outcomeOfStatus(statusCode),
          user: state?.username,
          authType: state?.authenticationType,
          statusCode,
          method: request.route.method,
          path: request.url.pathname,
        });
      }
    }
    return toolkit.next();
  };
}

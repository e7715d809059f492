/*
 * Which privileges a route needs and whether the caller holds them: the one rule the authorization
 * interceptor applies, pure so it can be tested on its own. Routes declare needs with tags:
 * `access:<privilege>` (every one listed is required), or `access:authenticated` for "any signed-in
 * caller" (logout, who-am-I). A route without an `access:` tag needs `apps:use`, so a third-party route
 * nobody tagged is usable by viewers and admins but not by a monitoring user or a narrow API key.
 */
import { authorize, isPrivilege, type Privilege } from '../../common/privileges';

export const ACCESS_TAG_PREFIX = 'access:';
/** Any authenticated caller may use the route; no privilege is checked. */
export const AUTHENTICATED_ONLY_TAG = 'access:authenticated';
/** What an authenticated route without an `access:` tag requires. */
export const DEFAULT_ROUTE_PRIVILEGE: Privilege = 'apps:use';

export interface RouteAccessOptions {
  authRequired: boolean | 'optional';
  tags: readonly string[];
}

/** The caller as authentication left it: `roles` only when it recognised one. */
export interface CallerAccess {
  authenticated: boolean;
  roles?: readonly string[];
}

export type AccessDecision =
  | { allowed: true; checked: readonly string[] }
  | { allowed: false; missing: string[] };

/**
 * The privileges a route's tags ask for, in tag order and de-duplicated. Unknown names are kept as they
 * are: no role grants them, so a typo in a tag locks the route (fails closed) instead of opening it.
 */
export function requiredPrivileges(tags: readonly string[]): string[] {
  const wanted = tags.filter((tag) => tag.startsWith(ACCESS_TAG_PREFIX));
  if (wanted.length === 0) return [DEFAULT_ROUTE_PRIVILEGE];
  const names = wanted.filter((tag) => tag !== AUTHENTICATED_ONLY_TAG).map((tag) => tag.slice(ACCESS_TAG_PREFIX.length));
  return [...new Set(names)];
}

/**
 * Whether `caller` may use a route with `route`'s options. Anonymous callers reach this only on routes
 * that allow them (`authRequired: false` or `'optional'`): those routes decide for themselves what an
 * anonymous caller sees, so they pass. Should an anonymous caller ever reach a route that needs
 * authentication (no auth handler ran), it is refused.
 */
export function decideAccess(route: RouteAccessOptions, caller: CallerAccess): AccessDecision {
  const required = requiredPrivileges(route.tags);
  if (!caller.authenticated) {
    return route.authRequired === true ? { allowed: false, missing: required } : { allowed: true, checked: [] };
  }
  const known = required.filter(isPrivilege);
  const unknown = required.filter((name) => !isPrivilege(name));
  const result = authorize(caller.roles ?? [], known);
  const lacking = result.ok ? [] : (result.missing as string[]);
  const missing = required.filter((name) => lacking.includes(name) || unknown.includes(name));
  return missing.length === 0 ? { allowed: true, checked: required } : { allowed: false, missing };
}

/** The 403 message: `Forbidden: missing privilege [ui_settings:write]`. */
export function forbiddenMessage(missing: readonly string[]): string {
  return `Forbidden: missing privilege${missing.length === 1 ? '' : 's'} [${missing.join(', ')}]`;
}

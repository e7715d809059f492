/*
 * The built-in roles and what they may do. `authorize` is the one place that decides: routes,
 * capabilities and anything else ask it rather than compare role names themselves. Pure (no Node
 * imports) so the browser half can use the same names.
 */

/** Every privilege a route or UI element can require. */
export const PRIVILEGES = [
  'apps:use',
  'ui_settings:read',
  'ui_settings:write',
  'saved_objects:read',
  'saved_objects:write',
  'ui_metric:write',
  'telemetry:opt_in',
  'telemetry:read_report',
  /** The ledger of generated reports: list, show, diff, export, send now (admin only). */
  'telemetry:reports',
  'stats:read',
  /** The Usage insights app and its API (`/app/usage_insights`, `/api/usage_insights/*`): admin only. */
  'usage_insights:read',
  'status:read_full',
  'security:manage',
] as const;

export type Privilege = (typeof PRIVILEGES)[number];

export const ROLE_NAMES = ['admin', 'viewer', 'monitoring'] as const;

export type RoleName = (typeof ROLE_NAMES)[number];

interface RoleDefinition {
  description: string;
  privileges: readonly Privilege[];
}

/*
 * Frozen so no caller can widen a role at run time. The viewer deliberately lacks
 * `telemetry:read_report` (the unencrypted report shows cluster details), `telemetry:reports` (past reports,
 * exports and sending one now belong to the telemetry admin) and every write but UI metrics.
 * It reads saved objects, as upstream's read-only users do (the saved objects API never reaches hidden
 * types: users, API keys, sessions).
 */
const ROLES: Readonly<Record<RoleName, Readonly<RoleDefinition>>> = Object.freeze({
  admin: Object.freeze({
    description: 'Everything, including managing users and API keys',
    privileges: Object.freeze([...PRIVILEGES]),
  }),
  viewer: Object.freeze({
    description: 'Uses the apps, reads UI settings and saved objects and sends UI metrics; changes nothing',
    privileges: Object.freeze(['apps:use', 'ui_settings:read', 'saved_objects:read', 'ui_metric:write'] as const),
  }),
  monitoring: Object.freeze({
    description: 'Reads /api/stats and the full /api/status; nothing else',
    privileges: Object.freeze(['stats:read', 'status:read_full'] as const),
  }),
});

export function isRoleName(name: unknown): name is RoleName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(ROLES, name);
}

export function isPrivilege(name: unknown): name is Privilege {
  return typeof name === 'string' && (PRIVILEGES as readonly string[]).includes(name);
}

/** The description of each built-in role, for listings and docs. */
export function describeRoles(): Array<{ name: RoleName; description: string; privileges: Privilege[] }> {
  return ROLE_NAMES.map((name) => ({
    name,
    description: ROLES[name].description,
    privileges: [...ROLES[name].privileges],
  }));
}

export type AuthorizeResult = { ok: true } | { ok: false; missing: Privilege[] };

/**
 * Whether a holder of `roles` has every privilege in `required`. Unknown role names grant nothing
 * (they are refused when users and keys are created, so one here means stale data, never more
 * access). `missing` lists what is lacking, in the order asked, so a 403 can name it.
 */
export function authorize(
  roles: readonly string[],
  required: Privilege | readonly Privilege[]
): AuthorizeResult {
  const wanted: readonly Privilege[] = typeof required === 'string' ? [required] : required;
  const granted = new Set<Privilege>();
  for (const role of roles) {
    if (isRoleName(role)) ROLES[role].privileges.forEach((p) => granted.add(p));
  }
  const missing = wanted.filter((privilege) => !granted.has(privilege));
  return missing.length === 0 ? { ok: true } : { ok: false, missing: [...new Set(missing)] };
}

/** Every privilege `roles` hold, derived from `authorize` so the two can never disagree. */
export function privilegesOf(roles: readonly string[]): Privilege[] {
  return PRIVILEGES.filter((privilege) => authorize(roles, privilege).ok);
}

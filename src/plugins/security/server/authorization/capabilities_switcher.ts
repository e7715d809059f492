/*
 * What the UI may offer a caller, from the same `authorize` the routes use: turns off the parts of the UI
 * whose routes would answer 403 anyway. Capabilities only shape the page; every route still checks.
 *
 * Pure, taking the auth state, so it can be registered as soon as core exposes
 * `core.capabilities.registerSwitcher`:
 *   registerSwitcher((request, caps) => securityCapabilitiesSwitcher(http.auth.get(request).state, caps))
 */
import type { Capabilities } from '../../../../core/server';
import { authorize, type Privilege } from '../../common/privileges';
import type { SecurityAuthState } from '../types';

/** `section.feature` (or `management.section.app`) → the privilege it needs. */
const CAPABILITY_PRIVILEGES: ReadonlyArray<{ path: [string, string] | [string, string, string]; privilege: Privilege }> = [
  { path: ['advancedSettings', 'show'], privilege: 'ui_settings:read' },
  { path: ['advancedSettings', 'save'], privilege: 'ui_settings:write' },
  { path: ['management', 'opensearchDashboards', 'settings'], privilege: 'ui_settings:read' },
  { path: ['telemetry', 'optIn'], privilege: 'telemetry:opt_in' },
  // The example report (the unencrypted report shows cluster details): its link is offered only to those who may read it.
  { path: ['telemetry', 'readReport'], privilege: 'telemetry:read_report' },
  // Usage Data → "Report history": shown only to those the ledger's routes let in.
  { path: ['telemetry', 'readReports'], privilege: 'telemetry:reports' },
  // Management → "Users and API keys": the side-nav link, and the page itself (its routes need the same).
  { path: ['management', 'opensearchDashboards', 'users'], privilege: 'security:manage' },
  { path: ['security', 'manage'], privilege: 'security:manage' },
  // Management → "Usage insights" and the app itself (its routes need the same privilege).
  { path: ['management', 'opensearchDashboards', 'usage_insights'], privilege: 'usage_insights:read' },
  { path: ['usageInsights', 'show'], privilege: 'usage_insights:read' },
  // The saved-objects API's own privilege: whoever may write through it may edit and delete in the UI.
  { path: ['savedObjectsManagement', 'edit'], privilege: 'saved_objects:write' },
  { path: ['savedObjectsManagement', 'delete'], privilege: 'saved_objects:write' },
];

/**
 * The capabilities to switch for this caller: each entry above set to whether the caller holds its
 * privilege, and, for a caller without `apps:use`, every nav link and catalogue entry of `current` off.
 * An anonymous caller (no state) holds nothing.
 */
export function securityCapabilitiesSwitcher(
  authState: Pick<SecurityAuthState, 'roles'> | undefined,
  current?: Partial<Capabilities>
): Partial<Capabilities> {
  const roles = authState?.roles ?? [];
  const holds = (privilege: Privilege) => authorize(roles, privilege).ok;
  const switched: Record<string, Record<string, boolean | Record<string, boolean>>> = {};
  for (const { path, privilege } of CAPABILITY_PRIVILEGES) {
    const section = (switched[path[0]] ??= {});
    if (path.length === 2) {
      section[path[1]] = holds(privilege);
    } else {
      const inner = (section[path[1]] ??= {}) as Record<string, boolean>;
      inner[path[2]] = holds(privilege);
    }
  }
  if (!holds('apps:use')) {
    for (const section of ['navLinks', 'catalogue'] as const) {
      const entries = Object.keys(current?.[section] ?? {});
      if (entries.length) switched[section] = Object.fromEntries(entries.map((key) => [key, false]));
    }
  }
  return switched as Partial<Capabilities>;
}

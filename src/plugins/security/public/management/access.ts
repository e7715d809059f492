import type { Capabilities } from '../../../../core/public';

/** The Management section's id: its URL is `/app/management/opensearch-dashboards/users`. */
export const USERS_SECTION_ID = 'users';
export const USERS_SECTION_TITLE = 'Users and API keys';

/**
 * `security.manage`, which the server switches per caller (see server/authorization/capabilities_switcher.ts);
 * the routes behind the page need the same `security:manage` privilege. Missing means no: a page rendered
 * without the security switcher grants nothing here.
 */
export function canManageSecurity(capabilities: Pick<Capabilities, string>): boolean {
  return capabilities.security?.manage === true;
}

/*
 * The rule that keeps an install manageable: the last user holding `admin` can be neither deleted nor
 * demoted. One pure function over the current users. Two servers demoting two different admins at the
 * same instant could still both pass (the check and the write are not one transaction); an operator can
 * always recover with a fresh admin through OSD_ADMIN_PASSWORD on an empty user store.
 */
import type { PublicUser } from './user_store';

export const ADMIN_ROLE = 'admin';

/**
 * A refusal message when the change would leave no admin, else undefined. `newRoles` undefined means the
 * user is being deleted.
 */
export function lastAdminRefusal(users: readonly PublicUser[], username: string, newRoles?: readonly string[]): string | undefined {
  const target = users.find((u) => u.username === username);
  if (!target || !target.roles.includes(ADMIN_ROLE)) return undefined;
  if (newRoles !== undefined && newRoles.includes(ADMIN_ROLE)) return undefined;
  if (users.some((u) => u.username !== username && u.roles.includes(ADMIN_ROLE))) return undefined;
  return newRoles === undefined
    ? `cannot delete user [${username}]: it is the last user with the [${ADMIN_ROLE}] role`
    : `cannot remove the [${ADMIN_ROLE}] role from [${username}]: it is the last user with that role`;
}

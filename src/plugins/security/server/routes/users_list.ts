import { handleSecurityErrors } from './route_helpers';
import { MANAGE_SECURITY_TAG } from './tags';
import type { SecurityRouteDeps } from './types';

/** `GET /api/security/users` → `{ users: [{ username, roles, updated_at }] }` (never a password hash), for `security:manage`. */
export function registerListUsersRoute({ router, getServices }: SecurityRouteDeps) {
  router.get(
    { path: '/api/security/users', validate: false, options: { tags: [MANAGE_SECURITY_TAG] } },
    handleSecurityErrors(async (_context, _request, response) =>
      response.ok({ body: { users: await getServices().users.list() }, headers: { 'cache-control': 'no-store' } })
    )
  );
}

import { schema } from '@osd/config-schema';
import { lastAdminRefusal } from '../last_admin';
import { callerOf, handleSecurityErrors, usernameSchema } from './route_helpers';
import { MANAGE_SECURITY_TAG } from './tags';
import type { SecurityRouteDeps } from './types';

/**
 * `DELETE /api/security/users/{username}`, for `security:manage`. 200 `{ username, deleted: true }`; 404
 * for an unknown user; 409 for the last admin. The user's sessions stop working at once on every server
 * (each request re-reads the user); cached Basic credentials on other servers within 30 s.
 */
export function registerDeleteUserRoute({ router, getServices, auth, audit }: SecurityRouteDeps) {
  router.delete(
    {
      path: '/api/security/users/{username}',
      validate: { params: schema.object({ username: usernameSchema }) },
      options: { tags: [MANAGE_SECURITY_TAG] },
    },
    handleSecurityErrors(async (_context, request, response) => {
      const { users } = getServices();
      const caller = callerOf(auth, request);
      const { username } = request.params;
      const where = { user: caller.username, targetUser: username, method: 'delete', path: '/api/security/users' };
      const refusal = lastAdminRefusal(await users.list(), username);
      if (refusal) {
        audit.log({ action: 'user_delete', outcome: 'failure', reason: refusal, ...where });
        return response.conflict({ body: { message: refusal } });
      }
      const deleted = await users.delete(username);
      audit.log({ action: 'user_delete', outcome: deleted ? 'success' : 'failure', reason: deleted ? undefined : 'no such user', ...where });
      if (!deleted) return response.notFound({ body: { message: `user [${username}] not found` } });
      return response.ok({ body: { username, deleted: true } });
    })
  );
}

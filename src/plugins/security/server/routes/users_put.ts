import { schema } from '@osd/config-schema';
import { lastAdminRefusal } from '../last_admin';
import { callerOf, handleSecurityErrors, passwordSchema, rolesSchema, usernameSchema } from './route_helpers';
import { MANAGE_SECURITY_TAG } from './tags';
import type { SecurityRouteDeps } from './types';

const bodySchema = schema.object({
  /** Required to create a user; omitted on an update, the password is kept. 8 to 1024 characters. */
  password: schema.maybe(passwordSchema),
  roles: rolesSchema,
});

/**
 * `PUT /api/security/users/{username}` `{ password?, roles }`, for `security:manage` (admins). Creates or
 * updates the user; 200 `{ username, roles, created }`. 400 naming the field for a bad username, a
 * password under 8 characters, an unknown role or a new user without a password; 409 when it would take
 * the `admin` role from the last admin. The user's cached credentials are dropped on this server at
 * once, on the others within the cache TTL (30 s); their sessions get the new roles on the next request.
 */
export function registerPutUserRoute({ router, getServices, auth, audit }: SecurityRouteDeps) {
  router.put(
    {
      path: '/api/security/users/{username}',
      validate: { params: schema.object({ username: usernameSchema }), body: bodySchema },
      options: { tags: [MANAGE_SECURITY_TAG] },
    },
    handleSecurityErrors(async (_context, request, response) => {
      const { users } = getServices();
      const caller = callerOf(auth, request);
      const { username } = request.params;
      const { password, roles } = request.body;
      const current = await users.list();
      // Checked here too (the store refuses it anyway) so the message names the body field.
      if (password === undefined && !current.some((u) => u.username === username)) {
        return response.badRequest({ body: { message: '[request body.password]: required when creating a user' } });
      }
      const refusal = lastAdminRefusal(current, username, roles);
      const where = { user: caller.username, targetUser: username, roles, method: 'put', path: '/api/security/users' };
      if (refusal) {
        audit.log({ action: 'user_update', outcome: 'failure', reason: refusal, ...where });
        return response.conflict({ body: { message: refusal } });
      }
      try {
        const { created, user } = await users.put(username, { password, roles });
        audit.log({ action: created ? 'user_create' : 'user_update', outcome: 'success', ...where, reason: password !== undefined ? 'password set' : undefined });
        return response.ok({ body: { username: user.username, roles: user.roles, created } });
      } catch (error) {
        audit.log({ action: 'user_update', outcome: 'failure', reason: (error as Error).message, ...where });
        throw error;
      }
    })
  );
}

import { schema } from '@osd/config-schema';
import { parseCredentials } from '../credentials';
import { PASSWORD_MAX_LENGTH } from '../validation';
import { serializeSessionCookie } from '../session_cookie';
import { handleSecurityErrors, usernameSchema } from './route_helpers';
import type { SecurityRouteDeps } from './types';

export const LOGIN_FAILED_MESSAGE = '[security] invalid username or password';

const bodySchema = schema.object({
  username: usernameSchema,
  // Any length a stored password may have: a short one is simply wrong (the policy is not revealed here).
  password: schema.string({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }),
});

/**
 * `POST /api/security/login` `{ username, password }`, callable by anyone (authRequired: false). 200
 * `{ username, roles }` with a fresh session cookie (HttpOnly, SameSite=Lax; the old session of a cookie
 * sent along is ended, so a session id is never carried across a login); 401 with one message for every
 * wrong pair; 429 with Retry-After after 5 wrong passwords for the username within a minute (also for
 * the right password). Every attempt is audited.
 */
export function registerLoginRoute({ router, getServices, audit, cookie }: SecurityRouteDeps) {
  router.post(
    { path: '/api/security/login', validate: { body: bodySchema }, options: { authRequired: false } },
    handleSecurityErrors(async (_context, request, response) => {
      const { authenticator, sessions } = getServices();
      const { username, password } = request.body;
      const where = { method: 'post', path: '/api/security/login', authType: 'basic' };
      const check = await authenticator.checkPassword(username, password);
      if (!check.ok && check.kind === 'throttled') {
        audit.log({ action: 'login', outcome: 'denied', user: username, reason: 'too many failed logins', retryAfterSeconds: check.retryAfterSeconds, ...where });
        return response.customError({
          statusCode: 429,
          body: { message: `[security] too many failed logins for this user; retry in ${check.retryAfterSeconds} s` },
          headers: { 'retry-after': String(check.retryAfterSeconds) },
        });
      }
      if (!check.ok) {
        audit.log({ action: 'login', outcome: 'failure', user: username, reason: 'wrong username or password', ...where });
        return response.unauthorized({ body: { message: LOGIN_FAILED_MESSAGE } });
      }

      const previous = parseCredentials({ cookie: request.headers.cookie });
      if (previous.type === 'session') await sessions.revoke(previous.sid);
      const { sid } = await sessions.create(check.user.username, 'basic');
      audit.log({ action: 'login', outcome: 'success', user: check.user.username, roles: check.user.roles, ...where });
      return response.ok({
        body: { username: check.user.username, roles: check.user.roles },
        headers: { 'set-cookie': serializeSessionCookie(sid, cookie), 'cache-control': 'no-store' },
      });
    })
  );
}

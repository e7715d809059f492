import { parseCredentials } from '../credentials';
import { serializeClearedSessionCookie } from '../session_cookie';
import { AUTHENTICATED_ONLY_TAG } from '../authorization/access_rule';
import { callerOf, handleSecurityErrors } from './route_helpers';
import type { SecurityRouteDeps } from './types';

/**
 * `POST /api/security/logout`, for any authenticated caller. Ends the session of the cookie in the store
 * (so every server refuses it from then on) and clears the cookie. With Basic or an API key there is no
 * session: the cookie is cleared all the same. Audited.
 */
export function registerLogoutRoute({ router, getServices, auth, audit, cookie }: SecurityRouteDeps) {
  router.post(
    { path: '/api/security/logout', validate: false, options: { tags: [AUTHENTICATED_ONLY_TAG] } },
    handleSecurityErrors(async (_context, request, response) => {
      const caller = callerOf(auth, request);
      // The cookie, not the Authorization header: a client sending both logs the browser session out.
      const presented = parseCredentials({ cookie: request.headers.cookie });
      const revoked = presented.type === 'session' ? await getServices().sessions.revoke(presented.sid) : false;
      audit.log({
        action: 'logout',
        outcome: 'success',
        user: caller.username,
        authType: caller.authenticationType,
        reason: revoked ? undefined : 'no session to end',
        method: 'post',
        path: '/api/security/logout',
      });
      return response.ok({
        body: { logged_out: true, session_revoked: revoked },
        headers: { 'set-cookie': serializeClearedSessionCookie(cookie), 'cache-control': 'no-store' },
      });
    })
  );
}

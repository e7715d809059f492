import { AUTHENTICATED_ONLY_TAG } from '../authorization/access_rule';
import type { CurrentUser } from '../types';
import { callerOf } from './route_helpers';
import type { SecurityRouteDeps } from './types';

/** `GET /api/security/me` → `{ username, roles, authenticationType }`, for any authenticated caller. */
export function registerMeRoute({ router, auth }: SecurityRouteDeps) {
  router.get({ path: '/api/security/me', validate: false, options: { tags: [AUTHENTICATED_ONLY_TAG] } }, async (_context, request, response) => {
    const { username, roles, authenticationType } = callerOf(auth, request);
    const body: CurrentUser = { username, roles, authenticationType };
    return response.ok({ body, headers: { 'cache-control': 'no-store' } });
  });
}

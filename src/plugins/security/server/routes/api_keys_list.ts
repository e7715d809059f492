import { handleSecurityErrors } from './route_helpers';
import { MANAGE_SECURITY_TAG } from './tags';
import type { SecurityRouteDeps } from './types';

/**
 * `GET /api/security/api_keys` → `{ api_keys: [{ id, name, roles, creation, expiration, expired,
 * created_by }] }`, oldest first, for `security:manage`. Never the secret nor its hash.
 */
export function registerListApiKeysRoute({ router, getServices }: SecurityRouteDeps) {
  router.get(
    { path: '/api/security/api_keys', validate: false, options: { tags: [MANAGE_SECURITY_TAG] } },
    handleSecurityErrors(async (_context, _request, response) =>
      response.ok({ body: { api_keys: await getServices().apiKeys.list() }, headers: { 'cache-control': 'no-store' } })
    )
  );
}

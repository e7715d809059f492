import { schema } from '@osd/config-schema';
import { tokenPattern } from '../tokens';
import { callerOf, handleSecurityErrors } from './route_helpers';
import { MANAGE_SECURITY_TAG } from './tags';
import type { SecurityRouteDeps } from './types';

const ID_PATTERN = tokenPattern(16);

/**
 * `DELETE /api/security/api_keys/{id}`, for `security:manage`. Revokes the key: 200 `{ id, revoked: true }`,
 * 404 for an unknown id, 400 for a malformed one. The key stops working on this server at once; another
 * server that verified it in the last 30 s keeps accepting it until its cache entry ends (the credential
 * cache's TTL), then refuses it too.
 */
export function registerDeleteApiKeyRoute({ router, getServices, auth, audit }: SecurityRouteDeps) {
  router.delete(
    {
      path: '/api/security/api_keys/{id}',
      validate: {
        params: schema.object({
          id: schema.string({ validate: (id) => (ID_PATTERN.test(id) ? undefined : 'must be an API key id (22 base64url characters)') }),
        }),
      },
      options: { tags: [MANAGE_SECURITY_TAG] },
    },
    handleSecurityErrors(async (_context, request, response) => {
      const caller = callerOf(auth, request);
      const { id } = request.params;
      const revoked = await getServices().apiKeys.revoke(id);
      audit.log({
        action: 'api_key_revoke',
        outcome: revoked ? 'success' : 'failure',
        reason: revoked ? undefined : 'no such key',
        user: caller.username,
        apiKeyId: id,
        method: 'delete',
        path: '/api/security/api_keys',
      });
      if (!revoked) return response.notFound({ body: { message: `API key [${id}] not found` } });
      return response.ok({ body: { id, revoked: true } });
    })
  );
}

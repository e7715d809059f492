import { schema } from '@osd/config-schema';
import { parseDuration } from '../duration';
import { apiKeyNameSchema, callerOf, handleSecurityErrors, rolesSchema } from './route_helpers';
import { MANAGE_SECURITY_TAG } from './tags';
import type { SecurityRouteDeps } from './types';

const bodySchema = schema.object({
  name: apiKeyNameSchema,
  roles: rolesSchema,
  /** `30m`, `12h`, `1d` … up to `3650d`; never expires when omitted. */
  expiration: schema.maybe(
    schema.string({
      validate: (value) => {
        const parsed = parseDuration(value);
        return parsed.ok ? undefined : parsed.message.replace(/^\[[^\]]*\]: /, '');
      },
    })
  ),
});

/**
 * `POST /api/security/api_keys` `{ name, roles, expiration? }`, for `security:manage` (admins). 200
 * `{ id, name, api_key, encoded, expiration? }`: the only time the secret is shown; `encoded` goes after
 * `Authorization: ApiKey `. The key acts as its creator with the roles given here. Audited (never the secret).
 */
export function registerCreateApiKeyRoute({ router, getServices, auth, audit }: SecurityRouteDeps) {
  router.post(
    { path: '/api/security/api_keys', validate: { body: bodySchema }, options: { tags: [MANAGE_SECURITY_TAG] } },
    handleSecurityErrors(async (_context, request, response) => {
      const caller = callerOf(auth, request);
      const { name, roles, expiration } = request.body;
      const created = await getServices().apiKeys.create({ name, roles, expiration, createdBy: caller.username });
      audit.log({
        action: 'api_key_create',
        outcome: 'success',
        user: caller.username,
        apiKeyId: created.id,
        apiKeyName: name,
        roles,
        method: 'post',
        path: '/api/security/api_keys',
      });
      return response.ok({ body: created, headers: { 'cache-control': 'no-store' } });
    })
  );
}

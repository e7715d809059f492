/* Pieces every security route shares: the caller, input schemas on the building blocks' rules, errors. */
import { schema } from '@osd/config-schema';
import type { HttpAuth, OpenSearchDashboardsRequest, RequestHandler } from '../../../../core/server';
import { isRoleName, ROLE_NAMES } from '../../common/privileges';
import { SecurityValidationError } from '../errors';
import type { SecurityAuthState } from '../types';
import { UserExistsError } from '../user_store';
import { MAX_ROLES, validateApiKeyName, validatePassword, validateUsername } from '../validation';

/** The authenticated caller; routes that call this require authentication, so it is always there. */
export function callerOf(auth: HttpAuth, request: OpenSearchDashboardsRequest): SecurityAuthState {
  const state = auth.get<SecurityAuthState>(request).state;
  if (!state) throw new Error('security route reached without an authenticated caller');
  return state;
}

/* The building blocks' messages start with their own `[field]: `; the schema puts its own path there. */
const withoutField = (message: string | undefined) => message?.replace(/^\[[^\]]*\]: /, '');

export const usernameSchema = schema.string({ validate: (value) => withoutField(validateUsername(value)) });
export const passwordSchema = schema.string({ validate: (value) => withoutField(validatePassword(value)) });
export const apiKeyNameSchema = schema.string({ validate: (value) => withoutField(validateApiKeyName(value)) });
export const rolesSchema = schema.arrayOf(
  schema.string({
    validate: (role) => (isRoleName(role) ? undefined : `unknown role [${role.slice(0, 64)}] (known roles: ${ROLE_NAMES.join(', ')})`),
  }),
  { maxSize: MAX_ROLES }
);

/**
 * Maps the building blocks' deliberate errors to their status (400 bad input, 409 conflict) with the
 * message; anything else stays an error (a 500, logged by core).
 */
export function handleSecurityErrors<P, Q, B>(handler: RequestHandler<P, Q, B>): RequestHandler<P, Q, B> {
  return async (context, request, response) => {
    try {
      return await handler(context, request, response);
    } catch (error) {
      if (error instanceof SecurityValidationError) return response.badRequest({ body: { message: error.message } });
      if (error instanceof UserExistsError) return response.conflict({ body: { message: error.message } });
      throw error;
    }
  };
}

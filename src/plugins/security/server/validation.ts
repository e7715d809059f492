/*
 * Input rules for users and API keys, each one pure function returning the error message (naming the
 * field, in @osd/config-schema's wording) or undefined. The stores throw these messages; routes can
 * return them as 400s without rewording.
 */
import { ROLE_NAMES, isRoleName } from '../common/privileges';

export const PASSWORD_MIN_LENGTH = 8;
/* scrypt's cost does not grow with the input much, but an upper bound keeps request bodies sane. */
export const PASSWORD_MAX_LENGTH = 1024;
export const USERNAME_MAX_LENGTH = 64;
export const API_KEY_NAME_MAX_LENGTH = 100;
export const MAX_ROLES = 16;

/* Letters, digits and `. _ @ -`, starting with a letter or digit: safe as a saved-object id and in
 * logs, and free of `:` (Basic credentials split on the first colon). Case-sensitive. */
const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]*$/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

function typeName(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'Array' : typeof value;
}

function notA(field: string, expected: string, value: unknown): string {
  return `[${field}]: expected value of type [${expected}] but got [${typeName(value)}]`;
}

/** Length in code points, so a password of emoji is not counted twice. */
function characterCount(text: string): number {
  return [...text].length;
}

/** The password policy: at least 8 characters, at most 1024. */
export function validatePassword(password: unknown, field = 'password'): string | undefined {
  if (typeof password !== 'string') return notA(field, 'string', password);
  const length = characterCount(password);
  if (length < PASSWORD_MIN_LENGTH) return `[${field}]: must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (length > PASSWORD_MAX_LENGTH) return `[${field}]: must be at most ${PASSWORD_MAX_LENGTH} characters`;
  return undefined;
}

export function validateUsername(username: unknown, field = 'username'): string | undefined {
  if (typeof username !== 'string') return notA(field, 'string', username);
  if (username.length === 0) return `[${field}]: must not be empty`;
  if (username.length > USERNAME_MAX_LENGTH) return `[${field}]: must be at most ${USERNAME_MAX_LENGTH} characters`;
  if (!USERNAME_PATTERN.test(username)) {
    return `[${field}]: must start with a letter or digit and contain only letters, digits and . _ @ -`;
  }
  return undefined;
}

/** A list of built-in role names; unknown names are refused so a typo never silently grants nothing. */
export function validateRoles(roles: unknown, field = 'roles'): string | undefined {
  if (!Array.isArray(roles)) return notA(field, 'Array', roles);
  if (roles.length > MAX_ROLES) return `[${field}]: must have at most ${MAX_ROLES} entries`;
  for (let i = 0; i < roles.length; i++) {
    const role: unknown = roles[i];
    if (typeof role !== 'string') return notA(`${field}.${i}`, 'string', role);
    if (!isRoleName(role)) {
      return `[${field}.${i}]: unknown role [${role.slice(0, 64)}] (known roles: ${ROLE_NAMES.join(', ')})`;
    }
  }
  return undefined;
}

export function validateApiKeyName(name: unknown, field = 'name'): string | undefined {
  if (typeof name !== 'string') return notA(field, 'string', name);
  if (name.trim().length === 0) return `[${field}]: must not be empty`;
  if (name.length > API_KEY_NAME_MAX_LENGTH) return `[${field}]: must be at most ${API_KEY_NAME_MAX_LENGTH} characters`;
  if (CONTROL_CHARACTERS.test(name)) return `[${field}]: must not contain control characters`;
  return undefined;
}

/** Roles as stored: validated first by the caller, then de-duplicated in a stable order. */
export function normalizeRoles(roles: readonly string[]): string[] {
  return [...new Set(roles)];
}

/*
 * The page's own checks, run before anything is sent, with messages a person reads. They mirror the
 * server's rules (server/validation.ts, server/duration.ts); the server checks again and its message is
 * shown when it still refuses.
 */
import { ROLE_NAMES, type RoleName } from '../../common/privileges';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 1024;
export const USERNAME_MAX_LENGTH = 64;
export const API_KEY_NAME_MAX_LENGTH = 100;

const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]*$/;
const DURATION_PATTERN = /^([1-9]\d{0,6})([mhd])$/;
const MAX_DURATION_MINUTES = 3650 * 24 * 60;
const MINUTES = { m: 1, h: 60, d: 24 * 60 } as const;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** Field → message; empty when the form may be sent. */
export type FormErrors<F extends string> = Partial<Record<F, string>>;

export type UserFormMode = 'create' | 'roles' | 'password';
export type UserFormField = 'username' | 'password' | 'roles';

export interface UserFormValues {
  username: string;
  password: string;
  roles: string[];
}

export function validateUsername(username: string): string | undefined {
  if (username === '') return 'Enter a username';
  if (username.length > USERNAME_MAX_LENGTH) return `Username must be at most ${USERNAME_MAX_LENGTH} characters`;
  if (!USERNAME_PATTERN.test(username)) return 'Username must start with a letter or digit and contain only letters, digits and . _ @ -';
  return undefined;
}

export function validatePassword(password: string): string | undefined {
  // Code points, as the server counts: an emoji is one character.
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `Password must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (length > PASSWORD_MAX_LENGTH) return `Password must be at most ${PASSWORD_MAX_LENGTH} characters`;
  return undefined;
}

export function validateRoles(roles: readonly string[]): string | undefined {
  const unknown = roles.find((role) => !(ROLE_NAMES as readonly string[]).includes(role));
  return unknown === undefined ? undefined : `Unknown role "${unknown}"; choose from ${ROLE_NAMES.join(', ')}`;
}

/**
 * What each mode of the user form asks for: a new user needs all three, the others one field each.
 * `existing` are the usernames listed: the route creates *or updates*, so "Create user" with a taken name
 * would silently replace that user's password and roles.
 */
export function validateUserForm(mode: UserFormMode, values: UserFormValues, existing: readonly string[] = []): FormErrors<UserFormField> {
  const errors: FormErrors<UserFormField> = {};
  if (mode === 'create') {
    errors.username = existing.includes(values.username)
      ? `A user named ${values.username} already exists; change their roles or reset their password in the table`
      : validateUsername(values.username);
  }
  if (mode !== 'roles') errors.password = validatePassword(values.password);
  if (mode !== 'password') errors.roles = validateRoles(values.roles);
  return withoutEmpty(errors);
}

export type ApiKeyFormField = 'name' | 'roles' | 'expiration';

export interface ApiKeyFormValues {
  name: string;
  roles: string[];
  /** Empty for a key that never expires. */
  expiration: string;
}

export function validateExpiration(expiration: string): string | undefined {
  if (expiration === '') return undefined;
  const match = DURATION_PATTERN.exec(expiration);
  if (!match) return 'Expiration must be a whole number followed by m, h or d, such as 30m, 12h or 90d';
  if (Number(match[1]) * MINUTES[match[2] as keyof typeof MINUTES] > MAX_DURATION_MINUTES) return 'Expiration must be at most 3650d';
  return undefined;
}

export function validateApiKeyForm(values: ApiKeyFormValues): FormErrors<ApiKeyFormField> {
  const { name } = values;
  let nameError: string | undefined;
  if (name.trim() === '') nameError = 'Enter a name';
  else if (name.length > API_KEY_NAME_MAX_LENGTH) nameError = `Name must be at most ${API_KEY_NAME_MAX_LENGTH} characters`;
  else if (CONTROL_CHARACTERS.test(name)) nameError = 'Name must not contain control characters';
  return withoutEmpty({ name: nameError, roles: validateRoles(values.roles), expiration: validateExpiration(values.expiration.trim()) });
}

/** The roles a form may send, typed: call after the form validated. */
export function asRoleNames(roles: readonly string[]): RoleName[] {
  return roles.filter((role): role is RoleName => (ROLE_NAMES as readonly string[]).includes(role));
}

function withoutEmpty<F extends string>(errors: FormErrors<F>): FormErrors<F> {
  return Object.fromEntries(Object.entries(errors).filter(([, message]) => message !== undefined)) as FormErrors<F>;
}

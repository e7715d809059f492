/*
 * Audit lines: one JSON object per event, `{"action":…,"outcome":…,"user":…, …}`, written to the logger
 * the plugin passes in (context `audit`). Only the fields below exist; secrets are typed out (`never`)
 * and, should a cast sneak one in, the formatter copies known fields only, so it cannot be printed.
 */
import type { Logger } from '../../../core/server';

export type AuditAction =
  | 'login'
  | 'logout'
  | 'authenticate'
  | 'authorize'
  | 'session_expired'
  | 'user_create'
  | 'user_update'
  | 'user_delete'
  | 'password_change'
  | 'api_key_create'
  | 'api_key_revoke'
  | 'first_admin_create'
  | RouteAuditAction;

declare const routeAuditActionBrand: unique symbol;
/** An action a route names in its `audit:<action>` tag; made only by `routeAuditAction`, which checks it. */
export type RouteAuditAction = string & { readonly [routeAuditActionBrand]: true };

const ROUTE_ACTION_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

/** The action of an `audit:<action>` tag (lowercase, digits, `_`), or undefined when it is not one. */
export function routeAuditAction(name: string): RouteAuditAction | undefined {
  return ROUTE_ACTION_PATTERN.test(name) ? (name as RouteAuditAction) : undefined;
}

export type AuditOutcome = 'success' | 'failure' | 'denied';

export interface AuditEvent {
  action: AuditAction;
  outcome: AuditOutcome;
  /** Who acted (undefined before authentication). */
  user?: string;
  /** `basic`, `api_key`, `session`. */
  authType?: string;
  /** Why it failed or was denied, in words (never a credential). */
  reason?: string;
  /** The user acted upon, for user management. */
  targetUser?: string;
  apiKeyId?: string;
  apiKeyName?: string;
  roles?: readonly string[];
  /** Privileges a denied request lacked. */
  missing?: readonly string[];
  method?: string;
  path?: string;
  ip?: string;
  retryAfterSeconds?: number;
  /** The HTTP status a route answered, for route-tagged events. */
  statusCode?: number;
  /* Refused at compile time. */
  password?: never;
  newPassword?: never;
  api_key?: never;
  apiKey?: never;
  secret?: never;
  sid?: never;
  sessionId?: never;
  authorization?: never;
  cookie?: never;
}

const FIELDS = [
  'action', 'outcome', 'user', 'authType', 'reason', 'targetUser', 'apiKeyId', 'apiKeyName',
  'roles', 'missing', 'method', 'path', 'ip', 'retryAfterSeconds', 'statusCode',
] as const;
const MAX_TEXT = 256;

function clean(value: unknown): unknown {
  if (typeof value === 'string') return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (Array.isArray(value)) return value.slice(0, 32).map((v) => clean(String(v)));
  return undefined;
}

/** One line of JSON (newlines in values are escaped by JSON), known fields only, in a fixed order. */
export function formatAuditEvent(event: AuditEvent): string {
  const line: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const value = clean((event as unknown as Record<string, unknown>)[field]);
    if (value !== undefined) line[field] = value;
  }
  return JSON.stringify(line);
}

export interface AuditLogger {
  log(event: AuditEvent): void;
}

/** Writes each event as one info line on `logger` (the plugin's `audit` context logger). */
export function createAuditLogger(logger: Logger): AuditLogger {
  return { log: (event) => logger.info(formatAuditEvent(event)) };
}

import type { RoleName } from '../common/privileges';

export type AuthenticationType = 'basic' | 'api_key' | 'session';

/**
 * What the auth handler hands to core for an authenticated request (`core.http.auth.get(request).state`).
 * Never a secret: `sessionId` is the store's id of the session (the SHA-256 of the cookie value), and
 * `apiKeyId` the public half of a key.
 */
export interface SecurityAuthState {
  username: string;
  roles: string[];
  authenticationType: AuthenticationType;
  sessionId?: string;
  apiKeyId?: string;
}

/** What `GET /api/security/me` answers. */
export interface CurrentUser {
  username: string;
  roles: string[];
  authenticationType: AuthenticationType;
}

/** The setup contract: empty when security is disabled, so dependants can tell. */
export interface SecurityPluginSetup {
  /** Whether authentication and authorization are on (`security.enabled`). */
  enabled: boolean;
}

export type SecurityPluginStart = SecurityPluginSetup;

export type { RoleName };

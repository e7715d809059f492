/*
 * The API-key shapes the `/api/security/api_keys` routes answer with: written once, so the server's store
 * and the management page cannot drift apart. Times are epoch milliseconds.
 */

/** The one response that carries the secret. `encoded` is what goes after `Authorization: ApiKey `. */
export interface CreatedApiKey {
  id: string;
  name: string;
  api_key: string;
  encoded: string;
  /** When the key expires; absent for a key that never does. */
  expiration?: number;
}

/** A key as listings show it: never the secret nor its hash. */
export interface ApiKeyInfo {
  id: string;
  name: string;
  roles: string[];
  creation: number;
  /** Null for a key that never expires. */
  expiration: number | null;
  expired: boolean;
  created_by: string | null;
}

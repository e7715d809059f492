/*
 * The security plugin's saved-object types. All hidden (no saved-objects API or import/export reaches
 * them; only repositories created with `includedHiddenTypes` can) and namespace-agnostic (users, keys and
 * sessions are global). The plugin registers them in setup. `dynamic: false` keeps unlisted attributes
 * out of the index; secrets' hashes are stored but not indexed.
 */
import type { SavedObjectsType } from '../../../core/server';

export const USER_TYPE = 'security-user';
export const API_KEY_TYPE = 'security-api-key';
export const SESSION_TYPE = 'security-session';

/** Attributes of a `security-user` object; its id is the username. */
export interface UserAttributes {
  username: string;
  roles: string[];
  /** `$scrypt$…` (see password_hash.ts). Never leaves the store module. */
  password_hash: string;
}

/** Attributes of a `security-api-key` object; its id is the key id. */
export interface ApiKeyAttributes {
  name: string;
  roles: string[];
  /** SHA-256 hex of the secret. Never leaves the store module. */
  key_hash: string;
  /** Epoch milliseconds. */
  created_at: number;
  /** Epoch milliseconds, or null for a key that never expires. */
  expires_at: number | null;
  /** Who created it, for listings and audit. */
  created_by: string | null;
}

/** Attributes of a `security-session` object; its id is the SHA-256 hex of the session id. */
export interface SessionAttributes {
  username: string;
  auth_type: string;
  /** Epoch milliseconds, all of them. */
  created_at: number;
  idle_expires_at: number;
  absolute_expires_at: number;
  /** The earlier of the two expiries: the one field the sweep sorts on. */
  expires_at: number;
}

const notIndexed = { type: 'keyword', index: false };

/** A type no saved-objects API reaches, shared by all spaces, indexing only the declared fields. */
const hiddenType = (name: string, properties: Record<string, unknown>): SavedObjectsType => ({
  name,
  hidden: true,
  namespaceType: 'agnostic',
  mappings: { dynamic: false, properties } as SavedObjectsType['mappings'],
});

export const userSavedObjectType = hiddenType(USER_TYPE, {
  username: { type: 'keyword' },
  roles: { type: 'keyword' },
  password_hash: notIndexed,
});

export const apiKeySavedObjectType = hiddenType(API_KEY_TYPE, {
  name: { type: 'keyword' },
  roles: { type: 'keyword' },
  key_hash: notIndexed,
  created_at: { type: 'long' },
  expires_at: { type: 'long' },
  created_by: { type: 'keyword' },
});

export const sessionSavedObjectType = hiddenType(SESSION_TYPE, {
  username: { type: 'keyword' },
  auth_type: { type: 'keyword' },
  created_at: { type: 'long' },
  idle_expires_at: { type: 'long' },
  absolute_expires_at: { type: 'long' },
  expires_at: { type: 'long' },
});

/** Every type, in the order the plugin registers them. */
export const securitySavedObjectTypes: readonly SavedObjectsType[] = [
  userSavedObjectType,
  apiKeySavedObjectType,
  sessionSavedObjectType,
];

/** The names to pass as `includedHiddenTypes` when creating the plugin's internal repository. */
export const SECURITY_HIDDEN_TYPES: readonly string[] = securitySavedObjectTypes.map((t) => t.name);

/*
 * The management page's calls to the security routes (see server/routes/), typed as the server answers.
 * Through `core.http`, which sends the session cookie and the xsrf header.
 */
import type { HttpStart } from '../../../../core/public';
import type { ApiKeyInfo, CreatedApiKey } from '../../common/api_keys';
import type { RoleName } from '../../common/privileges';

/** `GET /api/security/api_keys` lists `ApiKeyInfo`; `POST` answers `CreatedApiKey`, the one with the secret. */
export type { ApiKeyInfo, CreatedApiKey };

/** `GET /api/security/users` (never a password hash). */
export interface ManagedUser {
  username: string;
  roles: string[];
  updated_at?: string;
}

export interface CreateApiKeyRequest {
  name: string;
  roles: RoleName[];
  /** `30m`, `12h`, `1d` …; never expires when omitted. */
  expiration?: string;
}

export interface SecurityManagementApi {
  listUsers(): Promise<ManagedUser[]>;
  /** Creates the user, or updates it; without `password` an update keeps the current one. */
  putUser(username: string, body: { password?: string; roles: RoleName[] }): Promise<{ username: string; roles: string[]; created: boolean }>;
  deleteUser(username: string): Promise<void>;
  listApiKeys(): Promise<ApiKeyInfo[]>;
  createApiKey(request: CreateApiKeyRequest): Promise<CreatedApiKey>;
  revokeApiKey(id: string): Promise<void>;
}

export function createSecurityManagementApi(http: Pick<HttpStart, 'get' | 'put' | 'post' | 'delete'>): SecurityManagementApi {
  // Usernames may hold `@` and `.`: encoded so a name can never step into another path.
  const userPath = (username: string) => `/api/security/users/${encodeURIComponent(username)}`;
  return {
    listUsers: async () => (await http.get<{ users: ManagedUser[] }>('/api/security/users')).users,
    putUser: (username, body) => http.put(userPath(username), { body: JSON.stringify(body) }),
    deleteUser: async (username) => {
      await http.delete(userPath(username));
    },
    listApiKeys: async () => (await http.get<{ api_keys: ApiKeyInfo[] }>('/api/security/api_keys')).api_keys,
    createApiKey: (request) => http.post('/api/security/api_keys', { body: JSON.stringify(request) }),
    revokeApiKey: async (id) => {
      await http.delete(`/api/security/api_keys/${encodeURIComponent(id)}`);
    },
  };
}

/**
 * A failed call as a sentence for the page: the server's own message (a 400 names the field, a 409 says
 * why, e.g. the last admin), without the `[request body.x]: ` prefix meant for API clients.
 */
export function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const field = /^\[request (?:body|params)\.([a-z_]+)(?:\.\d+)?\]: (.*)$/s.exec(message);
  if (field) return `${field[1].charAt(0).toUpperCase()}${field[1].slice(1)}: ${field[2]}`;
  return message || 'The request failed.';
}

/*
 * API keys in the saved-objects store (hidden type `security-api-key`, id = key id). The secret is shown
 * once, at creation, and stored only as its SHA-256: a slow hash like scrypt protects guessable
 * passwords, but a 256-bit random secret cannot be guessed from its hash, and verifying a key on a
 * request must stay cheap.
 */
import type { ISavedObjectsRepository } from '../../../core/server';
import type { ApiKeyInfo, CreatedApiKey } from '../common/api_keys';
import { parseDuration } from './duration';
import { throwIfInvalid } from './errors';
import { API_KEY_TYPE, type ApiKeyAttributes } from './saved_object_types';
import { unlessNotFound } from './store_errors';
import { SECRET_PATTERN, hexDigestsEqual, randomToken, sha256Hex, tokenPattern } from './tokens';
import { normalizeRoles, validateApiKeyName, validateRoles } from './validation';

const ID_BYTES = 16;
const ID_PATTERN = tokenPattern(ID_BYTES);
const LIST_PAGE_SIZE = 1000;

export interface CreateApiKeyRequest {
  name: string;
  roles: string[];
  /** `30m`, `12h`, `1d` … (see duration.ts); never expires when omitted. */
  expiration?: string;
  /** The username creating it, kept for listings and audit. */
  createdBy?: string;
}

export type { ApiKeyInfo, CreatedApiKey };

export type ApiKeyVerifyResult =
  | { ok: true; key: Pick<ApiKeyInfo, 'id' | 'name' | 'roles' | 'created_by'> }
  | { ok: false; reason: 'malformed' | 'not_found' | 'expired' | 'mismatch' };

export interface ApiKeyStoreOptions {
  repository: ISavedObjectsRepository;
  /** Epoch milliseconds; the wall clock otherwise. */
  now?: () => number;
  /** Called after a key is revoked, for `CredentialCache.invalidateApiKey`; other servers rely on its TTL. */
  onRevoked?: (id: string) => void;
}

/** `base64(id:api_key)`, as `Authorization: ApiKey` carries it. */
export function encodeApiKey(id: string, apiKey: string): string {
  return Buffer.from(`${id}:${apiKey}`, 'utf8').toString('base64');
}

export class ApiKeyStore {
  private readonly repository: ISavedObjectsRepository;
  private readonly now: () => number;
  private readonly onRevoked: (id: string) => void;

  constructor(options: ApiKeyStoreOptions) {
    this.repository = options.repository;
    this.now = options.now ?? Date.now;
    this.onRevoked = options.onRevoked ?? (() => undefined);
  }

  public async create(request: CreateApiKeyRequest): Promise<CreatedApiKey> {
    const duration = request?.expiration === undefined ? undefined : parseDuration(request.expiration);
    throwIfInvalid(
      validateApiKeyName(request?.name),
      validateRoles(request?.roles),
      duration && !duration.ok ? duration.message : undefined
    );
    const id = randomToken(ID_BYTES);
    const apiKey = randomToken();
    const createdAt = this.now();
    const expiresAt = duration?.ok ? createdAt + duration.ms : null;
    const attributes: ApiKeyAttributes = {
      name: request.name,
      roles: normalizeRoles(request.roles),
      key_hash: sha256Hex(apiKey),
      created_at: createdAt,
      expires_at: expiresAt,
      created_by: request.createdBy ?? null,
    };
    // overwrite: false, so a (practically impossible) id collision fails instead of replacing a key.
    await this.repository.create<ApiKeyAttributes>(API_KEY_TYPE, attributes, { id, overwrite: false });
    return {
      id,
      name: request.name,
      api_key: apiKey,
      encoded: encodeApiKey(id, apiKey),
      ...(expiresAt !== null && { expiration: expiresAt }),
    };
  }

  /** Every key, oldest first, expired ones flagged. */
  public async list(): Promise<ApiKeyInfo[]> {
    const now = this.now();
    const keys: ApiKeyInfo[] = [];
    for (let page = 1; ; page++) {
      const result = await this.repository.find<ApiKeyAttributes>({
        type: API_KEY_TYPE,
        fields: ['name', 'roles', 'created_at', 'expires_at', 'created_by'],
        sortField: 'created_at',
        perPage: LIST_PAGE_SIZE,
        page,
      });
      for (const { id, attributes: a } of result.saved_objects) {
        keys.push({
          id,
          name: a.name,
          roles: [...(a.roles ?? [])],
          creation: a.created_at,
          expiration: a.expires_at ?? null,
          expired: isExpired(a.expires_at, now),
          created_by: a.created_by ?? null,
        });
      }
      if (result.saved_objects.length < LIST_PAGE_SIZE) return keys;
    }
  }

  /** Deletes the key, so the next `verify` anywhere fails. False when there was no such key. */
  public async revoke(id: string): Promise<boolean> {
    if (typeof id !== 'string' || !ID_PATTERN.test(id)) return false;
    const revoked = await unlessNotFound(async () => {
      await this.repository.delete(API_KEY_TYPE, id);
      return true;
    }, false);
    if (revoked) this.onRevoked(id);
    return revoked;
  }

  /** Checks a presented key; the reason is for audit logs, clients only ever see a plain 401. */
  public async verify(id: string, apiKey: string): Promise<ApiKeyVerifyResult> {
    if (typeof id !== 'string' || typeof apiKey !== 'string' || !ID_PATTERN.test(id) || !SECRET_PATTERN.test(apiKey)) {
      return { ok: false, reason: 'malformed' };
    }
    const saved = await unlessNotFound(() => this.repository.get<ApiKeyAttributes>(API_KEY_TYPE, id), undefined);
    if (!saved) return { ok: false, reason: 'not_found' };
    const a = saved.attributes;
    // The secret is compared before expiry, so 'expired' is only ever told to someone holding the key.
    if (!hexDigestsEqual(sha256Hex(apiKey), a.key_hash)) return { ok: false, reason: 'mismatch' };
    if (isExpired(a.expires_at, this.now())) return { ok: false, reason: 'expired' };
    return { ok: true, key: { id, name: a.name, roles: [...(a.roles ?? [])], created_by: a.created_by ?? null } };
  }
}

/** A key is expired from its expiry instant on. */
function isExpired(expiresAt: number | null | undefined, now: number): boolean {
  return typeof expiresAt === 'number' && now >= expiresAt;
}

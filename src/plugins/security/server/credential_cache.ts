/*
 * A short-lived LRU of credentials that were verified, so a client sending Basic or ApiKey on every
 * request pays for scrypt (or a store read) once per TTL, not per request. Only successes are cached.
 *
 * Keys are an HMAC-SHA256 of the credential under a random per-process key: the secret itself is never
 * kept, and a memory dump yields nothing usable to guess passwords offline. Changes made on this server
 * invalidate at once (`invalidateUser`, `invalidateApiKey`, wired to the stores' change callbacks);
 * changes made on another server sharing the store take effect here when the entry's TTL (30 s) ends.
 */
import { createHmac, randomBytes } from 'node:crypto';

export interface CredentialCacheOptions {
  /** Most entries kept; the least recently used go first. 1000 by default. */
  maxEntries?: number;
  /** How long a verified credential is trusted without asking the store; 30 s by default. */
  ttlMs?: number;
  /** Epoch milliseconds; the wall clock otherwise. */
  now?: () => number;
}

type Kind = 'basic' | 'apiKey';

interface Entry<V> {
  /** `basic:<username>` or `apiKey:<id>`, what invalidation matches on. */
  owner: string;
  value: V;
  expiresAt: number;
}

export class CredentialCache<V> {
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly now: () => number;
  private readonly hmacKey = randomBytes(32);
  private readonly entries = new Map<string, Entry<V>>();
  private generation = 0;

  constructor(options: CredentialCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 1000;
    this.ttlMs = options.ttlMs ?? 30_000;
    this.now = options.now ?? Date.now;
    for (const [name, value] of Object.entries({ maxEntries: this.maxEntries, ttlMs: this.ttlMs })) {
      if (!Number.isInteger(value) || value < 1) throw new Error(`[${name}]: must be a positive whole number`);
    }
  }

  /**
   * Take this before verifying and pass it to `set*`: if anything was invalidated meanwhile, the
   * result of that verification (possibly made against old data) is not cached.
   */
  public epoch(): number {
    return this.generation;
  }

  public getBasic(username: string, password: string): V | undefined {
    return this.get('basic', username, password);
  }

  public setBasic(username: string, password: string, value: V, epoch?: number): void {
    this.set('basic', username, password, value, epoch);
  }

  public getApiKey(id: string, key: string): V | undefined {
    return this.get('apiKey', id, key);
  }

  public setApiKey(id: string, key: string, value: V, epoch?: number): void {
    this.set('apiKey', id, key, value, epoch);
  }

  /** Drops every cached password of `username` (password or roles changed, user deleted). */
  public invalidateUser(username: string): void {
    this.invalidate(`basic:${username}`);
  }

  /** Drops a revoked key. */
  public invalidateApiKey(id: string): void {
    this.invalidate(`apiKey:${id}`);
  }

  public clear(): void {
    this.generation++;
    this.entries.clear();
  }

  public get size(): number {
    return this.entries.size;
  }

  private cacheKey(kind: Kind, owner: string, secret: string): string {
    // Length-prefixed owner: no choice of owner and secret can shift the boundary between them.
    const input = `${kind}\0${owner.length}\0${owner}\0${secret}`;
    return createHmac('sha256', this.hmacKey).update(input, 'utf8').digest('base64');
  }

  private get(kind: Kind, owner: string, secret: string): V | undefined {
    const key = this.cacheKey(kind, owner, secret);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.now() >= entry.expiresAt) {
      this.entries.delete(key);
      return undefined;
    }
    // Re-inserted: Map order is the LRU order. The TTL is not renewed, so changes elsewhere are seen.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  private set(kind: Kind, owner: string, secret: string, value: V, epoch?: number): void {
    if (epoch !== undefined && epoch !== this.generation) return;
    const key = this.cacheKey(kind, owner, secret);
    this.entries.delete(key);
    this.entries.set(key, { owner: `${kind}:${owner}`, value, expiresAt: this.now() + this.ttlMs });
    while (this.entries.size > this.maxEntries) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
  }

  /* A linear scan: invalidations are rare admin actions and the cache is small and bounded. */
  private invalidate(owner: string) {
    this.generation++;
    for (const [key, entry] of this.entries) {
      if (entry.owner === owner) this.entries.delete(key);
    }
  }
}

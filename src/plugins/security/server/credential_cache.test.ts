import { CredentialCache } from './credential_cache';

describe('CredentialCache', () => {
  let clock: number;
  const make = (options = {}) => new CredentialCache<{ roles: string[] }>({ now: () => clock, ...options });
  beforeEach(() => {
    clock = 0;
  });

  it('returns a verified credential only for the exact secret', () => {
    const cache = make();
    cache.setBasic('alice', 'alice-password', { roles: ['viewer'] });
    expect(cache.getBasic('alice', 'alice-password')).toEqual({ roles: ['viewer'] });
    expect(cache.getBasic('alice', 'alice-passworD')).toBeUndefined();
    expect(cache.getBasic('bob', 'alice-password')).toBeUndefined();
    expect(cache.getApiKey('alice', 'alice-password')).toBeUndefined();
    cache.setApiKey('id', 'x\0secret', { roles: [] });
    expect(cache.getApiKey('id\0x', 'secret')).toBeUndefined();
  });

  it('never keeps the secret in memory as given', () => {
    const cache = make();
    cache.setBasic('alice', 'very-secret-password', { roles: [] });
    const internals = JSON.stringify([...(cache as unknown as { entries: Map<string, unknown> }).entries]);
    expect(internals).not.toContain('very-secret-password');
  });

  it('expires entries after the TTL, even when used', () => {
    const cache = make({ ttlMs: 30_000 });
    cache.setApiKey('id1', 'key1', { roles: ['monitoring'] });
    clock = 29_999;
    expect(cache.getApiKey('id1', 'key1')).toBeDefined();
    clock = 30_000;
    expect(cache.getApiKey('id1', 'key1')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('evicts the least recently used beyond maxEntries', () => {
    const cache = make({ maxEntries: 2 });
    cache.setBasic('a', 'pw-a-1234', { roles: [] });
    cache.setBasic('b', 'pw-b-1234', { roles: [] });
    cache.getBasic('a', 'pw-a-1234');
    cache.setBasic('c', 'pw-c-1234', { roles: [] });
    expect(cache.size).toBe(2);
    expect(cache.getBasic('b', 'pw-b-1234')).toBeUndefined();
    expect(cache.getBasic('a', 'pw-a-1234')).toBeDefined();
    expect(cache.getBasic('c', 'pw-c-1234')).toBeDefined();
  });

  it('invalidates every entry of a user, or one API key, and nothing else', () => {
    const cache = make();
    cache.setBasic('alice', 'old-password', { roles: ['admin'] });
    cache.setBasic('alice', 'new-password', { roles: ['admin'] });
    cache.setBasic('bob', 'bob-password', { roles: [] });
    cache.setApiKey('alice', 'k', { roles: [] }); // an API key id that happens to equal a username
    cache.invalidateUser('alice');
    expect(cache.getBasic('alice', 'old-password')).toBeUndefined();
    expect(cache.getBasic('alice', 'new-password')).toBeUndefined();
    expect(cache.getBasic('bob', 'bob-password')).toBeDefined();
    expect(cache.getApiKey('alice', 'k')).toBeDefined();
    cache.invalidateApiKey('alice');
    expect(cache.getApiKey('alice', 'k')).toBeUndefined();
  });

  it('does not cache a verification that raced with an invalidation', () => {
    const cache = make();
    const epoch = cache.epoch();
    cache.invalidateUser('alice'); // e.g. the password changed while we were hashing
    cache.setBasic('alice', 'old-password', { roles: ['admin'] }, epoch);
    expect(cache.getBasic('alice', 'old-password')).toBeUndefined();
    cache.setBasic('alice', 'new-password', { roles: ['admin'] }, cache.epoch());
    expect(cache.getBasic('alice', 'new-password')).toBeDefined();
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it('keys differ between cache instances (a per-process HMAC key)', () => {
    const a = make();
    const b = make();
    a.setBasic('alice', 'alice-password', { roles: [] });
    b.setBasic('alice', 'alice-password', { roles: [] });
    const keysOf = (c: CredentialCache<unknown>) => [...(c as unknown as { entries: Map<string, unknown> }).entries.keys()];
    expect(keysOf(a)[0]).not.toBe(keysOf(b)[0]);
  });

  it('refuses nonsense limits', () => {
    expect(() => make({ maxEntries: 0 })).toThrow('[maxEntries]');
    expect(() => make({ ttlMs: -1 })).toThrow('[ttlMs]');
  });
});

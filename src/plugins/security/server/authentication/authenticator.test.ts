import { ApiKeyStore } from '../api_key_store';
import { BruteForceGuard } from '../brute_force';
import { CredentialCache } from '../credential_cache';
import { SessionStore } from '../session_store';
import { createSecurityTestStore, type SecurityTestStore } from '../test_store';
import { sha256Hex } from '../tokens';
import { UserStore } from '../user_store';
import { Authenticator, type CachedIdentity } from './authenticator';

const basic = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });

describe('Authenticator', () => {
  let store: SecurityTestStore;
  let users: UserStore;
  let apiKeys: ApiKeyStore;
  let sessions: SessionStore;
  let cache: CredentialCache<CachedIdentity>;
  let authenticator: Authenticator;
  let verifications: number;

  beforeEach(async () => {
    store = await createSecurityTestStore();
    cache = new CredentialCache<CachedIdentity>();
    users = new UserStore({ repository: store.repository, onUserChanged: (u) => cache.invalidateUser(u) });
    apiKeys = new ApiKeyStore({ repository: store.repository, onRevoked: (id) => cache.invalidateApiKey(id) });
    sessions = new SessionStore({ repository: store.repository, idleTimeoutMs: 3_600_000, lifespanMs: 8 * 3_600_000 });
    verifications = 0;
    const counted = {
      get: (u: string) => users.get(u),
      verifyPassword: (u: string, p: string) => (verifications++, users.verifyPassword(u, p)),
    };
    authenticator = new Authenticator({ users: counted, apiKeys, sessions, cache, guard: new BruteForceGuard() });
    await users.put('alice', { password: 'alice-password', roles: ['viewer'] });
  });
  afterEach(() => store.close());

  it('finds nothing without credentials, and refuses a malformed header or cookie naming which', async () => {
    expect(await authenticator.authenticate({})).toEqual({ kind: 'none' });
    expect(await authenticator.authenticate({ authorization: 'Bearer abc' })).toMatchObject({ kind: 'failed', credential: 'header' });
    expect(await authenticator.authenticate({ cookie: 'osd_sid=not-a-session' })).toMatchObject({ kind: 'failed', credential: 'session' });
  });

  it('accepts Basic, verifying the password once and then from the cache', async () => {
    const expected = { kind: 'authenticated', state: { username: 'alice', roles: ['viewer'], authenticationType: 'basic' } };
    expect(await authenticator.authenticate(basic('alice', 'alice-password'))).toEqual(expected);
    expect(await authenticator.authenticate(basic('alice', 'alice-password'))).toEqual(expected);
    expect(verifications).toBe(1);
    // A role change on this server drops the cached entry: the next request sees the new roles.
    await users.put('alice', { roles: ['monitoring'] });
    expect(await authenticator.authenticate(basic('alice', 'alice-password'))).toMatchObject({ state: { roles: ['monitoring'] } });
    expect(verifications).toBe(2);
  });

  it('shares one verification among identical Basic credentials arriving together: the right password is never throttled by a burst', async () => {
    const burst = await Promise.all(Array.from({ length: 12 }, () => authenticator.authenticate(basic('alice', 'alice-password'))));
    for (const outcome of burst) expect(outcome).toEqual({ kind: 'authenticated', state: { username: 'alice', roles: ['viewer'], authenticationType: 'basic' } });
    expect(verifications).toBe(1);
    // Each caller got its own roles array.
    (burst[0] as { state: { roles: string[] } }).state.roles.push('admin');
    expect((burst[1] as { state: { roles: string[] } }).state.roles).toEqual(['viewer']);
    // Distinct wrong passwords sent together are still distinct attempts: the sixth is refused.
    const wrong = await Promise.all(Array.from({ length: 6 }, (_, i) => authenticator.checkPassword('alice', `wrong-${i}-password`)));
    expect(wrong.filter((c) => !c.ok && c.kind === 'wrong')).toHaveLength(5);
    expect(wrong.filter((c) => !c.ok && c.kind === 'throttled')).toHaveLength(1);
  });

  it('refuses a wrong password without caching it, and throttles the username after 5, the right password included', async () => {
    for (let i = 0; i < 5; i++) {
      expect(await authenticator.authenticate(basic('alice', `wrong-${i}-password`))).toEqual({
        kind: 'failed',
        credential: 'basic',
        reason: 'wrong username or password',
        username: 'alice',
      });
    }
    const locked = await authenticator.authenticate(basic('alice', 'alice-password'));
    expect(locked).toMatchObject({ kind: 'throttled', username: 'alice' });
    expect((locked as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThanOrEqual(59);
    expect(await authenticator.checkPassword('alice', 'alice-password')).toMatchObject({ ok: false, kind: 'throttled' });
    expect(verifications).toBe(5);
    // Another username is not affected.
    await users.put('bob', { password: 'bob-password', roles: ['viewer'] });
    expect(await authenticator.checkPassword('bob', 'bob-password')).toMatchObject({ ok: true });
  });

  it('treats an unknown user like a wrong password', async () => {
    expect(await authenticator.authenticate(basic('nobody', 'whatever-password'))).toMatchObject({ kind: 'failed', credential: 'basic' });
  });

  it('accepts an API key as its creator with the key’s roles, until it is revoked', async () => {
    const key = await apiKeys.create({ name: 'ci', roles: ['monitoring'], createdBy: 'alice' });
    const header = { authorization: `ApiKey ${key.encoded}` };
    const expected = { kind: 'authenticated', state: { username: 'alice', roles: ['monitoring'], authenticationType: 'api_key', apiKeyId: key.id } };
    expect(await authenticator.authenticate(header)).toEqual(expected);
    expect(await authenticator.authenticate(header)).toEqual(expected);
    const wrong = { authorization: `ApiKey ${Buffer.from(`${key.id}:${'A'.repeat(43)}`).toString('base64')}` };
    expect(await authenticator.authenticate(wrong)).toMatchObject({ kind: 'failed', credential: 'api_key', reason: 'API key mismatch' });
    await apiKeys.revoke(key.id);
    expect(await authenticator.authenticate(header)).toMatchObject({ kind: 'failed', credential: 'api_key', reason: 'API key not found' });
  });

  it('accepts a live session with the user’s current roles, and never a revoked one or one of a deleted user', async () => {
    const { sid } = await sessions.create('alice', 'basic');
    const cookie = { cookie: `other=1; osd_sid=${sid}` };
    expect(await authenticator.authenticate(cookie)).toEqual({
      kind: 'authenticated',
      state: { username: 'alice', roles: ['viewer'], authenticationType: 'session', sessionId: sha256Hex(sid) },
    });
    await users.put('alice', { roles: ['viewer', 'monitoring'] });
    expect(await authenticator.authenticate(cookie)).toMatchObject({ state: { roles: ['viewer', 'monitoring'] } });
    await sessions.revoke(sid);
    expect(await authenticator.authenticate(cookie)).toMatchObject({ kind: 'failed', credential: 'session', reason: 'session expired or revoked' });

    const second = await sessions.create('alice', 'basic');
    await users.delete('alice');
    expect(await authenticator.authenticate({ cookie: `osd_sid=${second.sid}` })).toMatchObject({ kind: 'failed', credential: 'session', username: 'alice' });
    // The orphaned session was deleted on the way.
    expect(await sessions.get(second.sid)).toBeUndefined();
  });

  it('never puts a secret in the state', async () => {
    const key = await apiKeys.create({ name: 'k', roles: ['viewer'] });
    const { sid } = await sessions.create('alice', 'basic');
    const states = await Promise.all([
      authenticator.authenticate(basic('alice', 'alice-password')),
      authenticator.authenticate({ authorization: `ApiKey ${key.encoded}` }),
      authenticator.authenticate({ cookie: `osd_sid=${sid}` }),
    ]);
    const text = JSON.stringify(states);
    for (const secret of ['alice-password', key.api_key, key.encoded, sid]) expect(text).not.toContain(secret);
    expect(states[1]).toMatchObject({ state: { username: `api_key:${key.id}` } });
  });
});

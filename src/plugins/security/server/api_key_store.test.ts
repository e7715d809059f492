import { ApiKeyStore, encodeApiKey } from './api_key_store';
import { API_KEY_TYPE, type ApiKeyAttributes } from './saved_object_types';
import { sha256Hex } from './tokens';
import { createSecurityTestStore, type SecurityTestStore } from './test_store';

describe('ApiKeyStore', () => {
  let store: SecurityTestStore;
  let clock: number;
  let revoked: string[];
  let keys: ApiKeyStore;

  beforeEach(async () => {
    store = await createSecurityTestStore();
    clock = Date.UTC(2025, 0, 1);
    revoked = [];
    keys = new ApiKeyStore({ repository: store.repository, now: () => clock, onRevoked: (id) => revoked.push(id) });
  });
  afterEach(() => store.close());

  it('creates a key whose secret is shown once and stored only as a SHA-256', async () => {
    const created = await keys.create({ name: 'exporter', roles: ['monitoring'], createdBy: 'admin' });
    expect(created).toEqual({
      id: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
      name: 'exporter',
      api_key: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      encoded: Buffer.from(`${created.id}:${created.api_key}`).toString('base64'),
    });
    expect(Buffer.from(created.api_key, 'base64url')).toHaveLength(32);
    const raw = await store.repository.get<ApiKeyAttributes>(API_KEY_TYPE, created.id);
    expect(raw.attributes.key_hash).toBe(sha256Hex(created.api_key));
    expect(JSON.stringify(raw)).not.toContain(created.api_key);
  });

  it('verifies the right key and refuses others', async () => {
    const { id, api_key } = await keys.create({ name: 'k', roles: ['viewer', 'viewer'] });
    expect(await keys.verify(id, api_key)).toEqual({
      ok: true,
      key: { id, name: 'k', roles: ['viewer'], created_by: null },
    });
    const other = api_key.slice(0, -1) + (api_key.endsWith('A') ? 'B' : 'A');
    expect(await keys.verify(id, other)).toEqual({ ok: false, reason: 'mismatch' });
    expect(await keys.verify('A'.repeat(22), api_key)).toEqual({ ok: false, reason: 'not_found' });
    expect(await keys.verify(id, 'short')).toEqual({ ok: false, reason: 'malformed' });
    expect(await keys.verify('../x', api_key)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('honours the expiration from its instant on, and only tells a key holder', async () => {
    const { id, api_key, expiration } = await keys.create({ name: 'short-lived', roles: [], expiration: '30m' });
    expect(expiration).toBe(clock + 30 * 60_000);
    clock += 30 * 60_000 - 1;
    expect((await keys.verify(id, api_key)).ok).toBe(true);
    clock += 1;
    expect(await keys.verify(id, api_key)).toEqual({ ok: false, reason: 'expired' });
    expect(await keys.verify(id, 'B'.repeat(43))).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuses bad names, unknown roles and bad durations, storing nothing', async () => {
    await expect(keys.create({ name: '', roles: [] })).rejects.toThrow('[name]: must not be empty');
    await expect(keys.create({ name: 'x', roles: ['superuser'] })).rejects.toThrow('[roles.0]: unknown role [superuser]');
    await expect(keys.create({ name: 'x', roles: [], expiration: '1y' })).rejects.toThrow(
      '[expiration]: invalid duration [1y]'
    );
    expect(await keys.list()).toEqual([]);
  });

  it('lists keys oldest first, flags expired ones, never shows secrets or hashes', async () => {
    const a = await keys.create({ name: 'a', roles: ['viewer'], expiration: '1d', createdBy: 'admin' });
    clock += 1000;
    const b = await keys.create({ name: 'b', roles: ['monitoring'] });
    clock += 86_400_000;
    const list = await keys.list();
    expect(list).toEqual([
      {
        id: a.id,
        name: 'a',
        roles: ['viewer'],
        creation: Date.UTC(2025, 0, 1),
        expiration: Date.UTC(2025, 0, 2),
        expired: true,
        created_by: 'admin',
      },
      {
        id: b.id,
        name: 'b',
        roles: ['monitoring'],
        creation: Date.UTC(2025, 0, 1) + 1000,
        expiration: null,
        expired: false,
        created_by: null,
      },
    ]);
    const text = JSON.stringify(list);
    expect(text).not.toContain(a.api_key);
    expect(text).not.toContain(sha256Hex(a.api_key));
  });

  it('revokes at once, on another server too, and reports unknown ids', async () => {
    const other = new ApiKeyStore({ repository: await store.openSecond() });
    const { id, api_key } = await keys.create({ name: 'k', roles: ['viewer'] });
    expect((await other.verify(id, api_key)).ok).toBe(true);
    expect(await keys.revoke(id)).toBe(true);
    expect(revoked).toEqual([id]);
    expect(await other.verify(id, api_key)).toEqual({ ok: false, reason: 'not_found' });
    expect(await keys.revoke(id)).toBe(false);
    expect(await keys.revoke('not an id')).toBe(false);
    expect(revoked).toEqual([id]);
  });

  it('encodes id:key as base64', () => {
    expect(encodeApiKey('id', 'key')).toBe(Buffer.from('id:key').toString('base64'));
  });
});

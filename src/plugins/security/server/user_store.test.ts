import { USER_TYPE, type UserAttributes } from './saved_object_types';
import { createSecurityTestStore, type SecurityTestStore } from './test_store';
import { UserExistsError, UserStore } from './user_store';

describe('UserStore', () => {
  let store: SecurityTestStore;
  let changed: string[];
  let users: UserStore;

  beforeEach(async () => {
    store = await createSecurityTestStore();
    changed = [];
    users = new UserStore({ repository: store.repository, onUserChanged: (u) => changed.push(u) });
  });
  afterEach(() => store.close());

  const rawHash = async (username: string) =>
    (await store.repository.get<UserAttributes>(USER_TYPE, username)).attributes.password_hash;

  it('creates a user with put, storing only a scrypt hash', async () => {
    const result = await users.put('alice', { password: 'alice-password', roles: ['viewer'] });
    expect(result).toMatchObject({ created: true, user: { username: 'alice', roles: ['viewer'] } });
    expect(await rawHash('alice')).toMatch(/^\$scrypt\$/);
    expect(JSON.stringify(result)).not.toContain('scrypt');
    expect(changed).toEqual(['alice']);
  });

  it('needs a password to create, and validates every field', async () => {
    await expect(users.put('bob', { roles: ['viewer'] })).rejects.toThrow('[password]: required when creating a user');
    await expect(users.put('bob', { password: 'short', roles: [] })).rejects.toThrow(
      '[password]: must be at least 8 characters'
    );
    await expect(users.put('bob', { password: 'long enough', roles: ['root'] })).rejects.toThrow(
      '[roles.0]: unknown role [root]'
    );
    await expect(users.put('b:ob', { password: 'long enough', roles: [] })).rejects.toMatchObject({ statusCode: 400 });
    expect(await users.count()).toBe(0);
    expect(changed).toEqual([]);
  });

  it('updates roles and keeps the password when none is given', async () => {
    await users.put('carol', { password: 'carol-password', roles: ['viewer'] });
    const hash = await rawHash('carol');
    const result = await users.put('carol', { roles: ['monitoring', 'viewer', 'monitoring'] });
    expect(result).toMatchObject({ created: false, user: { username: 'carol', roles: ['monitoring', 'viewer'] } });
    expect(await rawHash('carol')).toBe(hash);
    expect(await users.verifyPassword('carol', 'carol-password')).toMatchObject({ roles: ['monitoring', 'viewer'] });
  });

  it('changes the password on put and with setPassword', async () => {
    await users.put('dave', { password: 'first-password', roles: [] });
    await users.put('dave', { password: 'second-password', roles: ['viewer'] });
    expect(await users.verifyPassword('dave', 'first-password')).toBeUndefined();
    expect(await users.verifyPassword('dave', 'second-password')).toBeDefined();
    expect(await users.setPassword('dave', 'third-password')).toBe(true);
    expect(await users.verifyPassword('dave', 'second-password')).toBeUndefined();
    expect(await users.verifyPassword('dave', 'third-password')).toEqual(
      expect.objectContaining({ username: 'dave', roles: ['viewer'] })
    );
    expect(await users.setPassword('nobody', 'whatever-pass')).toBe(false);
    expect(changed).toEqual(['dave', 'dave', 'dave']);
  });

  it('create refuses an existing user', async () => {
    await users.create('erin', { password: 'erin-password', roles: ['admin'] });
    await expect(users.create('erin', { password: 'other-password', roles: [] })).rejects.toBeInstanceOf(UserExistsError);
    expect(await users.verifyPassword('erin', 'erin-password')).toBeDefined();
  });

  it('gets and lists without hashes, sorted by name, across pages', async () => {
    await users.put('zed', { password: 'zed-password', roles: ['viewer'] });
    await users.put('amy', { password: 'amy-password', roles: ['admin'] });
    expect(await users.get('amy')).toEqual({ username: 'amy', roles: ['admin'], updated_at: expect.any(String) });
    expect(await users.get('nobody')).toBeUndefined();
    expect(await users.get('not valid')).toBeUndefined();
    const list = await users.list();
    expect(list.map((u) => u.username)).toEqual(['amy', 'zed']);
    expect(JSON.stringify(list)).not.toMatch(/hash|scrypt/);
    expect(await users.count()).toBe(2);
    await users.put('kim', { password: 'kim-password', roles: [] });
    const paged = new UserStore({ repository: store.repository, listPageSize: 2 });
    expect((await paged.list()).map((u) => u.username)).toEqual(['amy', 'kim', 'zed']);
  });

  it('deletes, reporting whether there was a user', async () => {
    await users.put('fay', { password: 'fay-password', roles: [] });
    expect(await users.delete('fay')).toBe(true);
    expect(await users.delete('fay')).toBe(false);
    expect(await users.get('fay')).toBeUndefined();
    expect(await users.verifyPassword('fay', 'fay-password')).toBeUndefined();
    expect(changed).toEqual(['fay', 'fay']);
  });

  it('refuses wrong passwords, unknown users and non-strings', async () => {
    await users.put('gus', { password: 'gus-password', roles: [] });
    expect(await users.verifyPassword('gus', 'gus-passworD')).toBeUndefined();
    expect(await users.verifyPassword('Gus', 'gus-password')).toBeUndefined();
    expect(await users.verifyPassword('ghost', 'gus-password')).toBeUndefined();
    expect(await users.verifyPassword('gus', undefined as unknown as string)).toBeUndefined();
  });

  it('upgrades a hash made with older parameters on a successful login', async () => {
    const old = new UserStore({ repository: store.repository, scryptParams: { logN: 10, r: 8, p: 1 } });
    await old.put('hal', { password: 'hal-password', roles: [] });
    expect(await rawHash('hal')).toContain('ln=10');
    expect(await users.verifyPassword('hal', 'wrong-password')).toBeUndefined();
    expect(await rawHash('hal')).toContain('ln=10');
    expect(await users.verifyPassword('hal', 'hal-password')).toBeDefined();
    expect(await rawHash('hal')).toContain('ln=14');
    expect(await users.verifyPassword('hal', 'hal-password')).toBeDefined();
  });

  it('an upgrade never overwrites a password changed between its read and its write', async () => {
    const old = new UserStore({ repository: store.repository, scryptParams: { logN: 10, r: 8, p: 1 } });
    await old.put('jon', { password: 'jon-password', roles: [] });
    // A repository whose read is followed by another server's password change before the caller continues.
    const racing = Object.create(store.repository) as typeof store.repository;
    racing.get = async <T,>(type: string, id: string) => {
      const doc = await store.repository.get<T>(type, id);
      await old.setPassword('jon', 'changed-meanwhile');
      return doc;
    };
    const upgrading = new UserStore({ repository: racing });
    expect(await upgrading.verifyPassword('jon', 'jon-password')).toBeDefined();
    expect(await users.verifyPassword('jon', 'changed-meanwhile')).toBeDefined();
    expect(await users.verifyPassword('jon', 'jon-password')).toBeUndefined();
  });

  it('two servers putting the same new user at once both succeed, one creating it', async () => {
    const other = new UserStore({ repository: await store.openSecond() });
    const results = await Promise.all([
      users.put('ivy', { password: 'ivy-password-1', roles: ['viewer'] }),
      other.put('ivy', { password: 'ivy-password-2', roles: ['viewer'] }),
    ]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await users.count()).toBe(1);
  });
});

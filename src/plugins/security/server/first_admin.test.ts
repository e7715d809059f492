import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureFirstAdmin } from './first_admin';
import { createSecurityTestStore, type SecurityTestStore } from './test_store';
import { UserStore } from './user_store';

describe('ensureFirstAdmin', () => {
  let store: SecurityTestStore;
  let users: UserStore;
  const passwordFile = () => join(store.dataPath, 'initial_admin_password');
  const tempFiles = () => readdirSync(store.dataPath).filter((f) => f.endsWith('.tmp'));

  beforeEach(async () => {
    store = await createSecurityTestStore();
    users = new UserStore({ repository: store.repository });
  });
  afterEach(() => store.close());

  it('creates admin with a random password, returned once and written to a 0600 file', async () => {
    const result = await ensureFirstAdmin({ users, dataPath: store.dataPath });
    if (!result.created || result.passwordSource !== 'generated') throw new Error('expected a generated password');
    expect(result.password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(result.passwordFile).toBe(passwordFile());
    expect(readFileSync(passwordFile(), 'utf8')).toBe(`${result.password}\n`);
    expect(statSync(passwordFile()).mode & 0o777).toBe(0o600);
    expect(await users.list()).toEqual([expect.objectContaining({ username: 'admin', roles: ['admin'] })]);
    expect(await users.verifyPassword('admin', result.password)).toBeDefined();
    expect(tempFiles()).toEqual([]);
  });

  it('uses OSD_ADMIN_PASSWORD when given, and writes no file', async () => {
    const result = await ensureFirstAdmin({ users, dataPath: store.dataPath, adminPassword: 'from-the-env' });
    expect(result).toEqual({ created: true, username: 'admin', passwordSource: 'environment' });
    expect(await users.verifyPassword('admin', 'from-the-env')).toBeDefined();
    expect(existsSync(passwordFile())).toBe(false);
  });

  it('refuses a weak OSD_ADMIN_PASSWORD, naming it, and creates nothing', async () => {
    await expect(ensureFirstAdmin({ users, dataPath: store.dataPath, adminPassword: 'short' })).rejects.toThrow(
      '[OSD_ADMIN_PASSWORD]: must be at least 8 characters'
    );
    expect(await users.count()).toBe(0);
  });

  it('never changes anything once users exist', async () => {
    await users.put('someone', { password: 'someone-password', roles: ['viewer'] });
    expect(await ensureFirstAdmin({ users, dataPath: store.dataPath })).toEqual({ created: false });
    expect(await ensureFirstAdmin({ users, dataPath: store.dataPath, adminPassword: 'another-one' })).toEqual({
      created: false,
    });
    expect((await users.list()).map((u) => u.username)).toEqual(['someone']);
    expect(existsSync(passwordFile())).toBe(false);
  });

  it('a second run after creating admin keeps the first password', async () => {
    await ensureFirstAdmin({ users, dataPath: store.dataPath, adminPassword: 'first-run-pw' });
    expect(await ensureFirstAdmin({ users, dataPath: store.dataPath, adminPassword: 'second-run-pw' })).toEqual({
      created: false,
    });
    expect(await users.verifyPassword('admin', 'first-run-pw')).toBeDefined();
    expect(await users.verifyPassword('admin', 'second-run-pw')).toBeUndefined();
  });

  it('with two servers starting at once, exactly one creates admin and its password is the one on file', async () => {
    const other = new UserStore({ repository: await store.openSecond() });
    // Both count before either creates: the race this guards against, made certain.
    let arrived = 0;
    let release!: () => void;
    const bothCounted = new Promise<void>((resolve) => (release = resolve));
    const racing = (s: UserStore) => ({
      count: async () => {
        const n = await s.count();
        if (++arrived === 2) release();
        await bothCounted;
        return n;
      },
      create: s.create.bind(s),
    });
    const results = await Promise.all([
      ensureFirstAdmin({ users: racing(users), dataPath: store.dataPath, generatePassword: () => 'password-of-server-a' }),
      ensureFirstAdmin({ users: racing(other), dataPath: store.dataPath, generatePassword: () => 'password-of-server-b' }),
    ]);
    const winners = results.filter((r) => r.created);
    expect(winners).toHaveLength(1);
    const winner = winners[0] as { password: string };
    expect(readFileSync(passwordFile(), 'utf8')).toBe(`${winner.password}\n`);
    expect(await users.verifyPassword('admin', winner.password)).toBeDefined();
    expect(await users.count()).toBe(1);
    expect(tempFiles()).toEqual([]);
  });

  it('replaces a stale password file with a fresh 0600 one', async () => {
    writeFileSync(passwordFile(), 'stale\n', { mode: 0o644 });
    const result = await ensureFirstAdmin({ users, dataPath: store.dataPath, generatePassword: () => 'fresh-password' });
    expect(result.created).toBe(true);
    expect(readFileSync(passwordFile(), 'utf8')).toBe('fresh-password\n');
    expect(statSync(passwordFile()).mode & 0o777).toBe(0o600);
  });

  it('leaves no staged file when creating the user fails', async () => {
    const failing = { count: async () => 0, create: async () => Promise.reject(new Error('store down')) };
    await expect(ensureFirstAdmin({ users: failing, dataPath: store.dataPath })).rejects.toThrow('store down');
    expect(tempFiles()).toEqual([]);
    expect(existsSync(passwordFile())).toBe(false);
  });
});

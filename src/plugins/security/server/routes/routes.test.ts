/*
 * Each security route on core's real HTTP service with the plugin's stores on SQLite: who may call it
 * (anonymous → 401, without security:manage → 403) and what bad input gets (400 naming the field).
 */
import { startPluginTestServer, type PluginTestServer } from '../plugin_test_server';

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const ADMIN = basic('admin', 'admin-password');
const VIEWER = basic('viewer', 'viewer-password');
const KEY_ID = 'AAAAAAAAAAAAAAAAAAAAAA';

describe('security routes', () => {
  let server: PluginTestServer;
  const call = async (method: string, path: string, body?: unknown, authorization?: string, extra: Record<string, string> = {}) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { 'osd-xsrf': 't', ...(authorization && { authorization }), ...(body !== undefined && { 'content-type': 'application/json' }), ...extra },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  };

  beforeAll(async () => {
    server = await startPluginTestServer({ adminPassword: 'admin-password' });
    expect((await call('PUT', '/api/security/users/viewer', { password: 'viewer-password', roles: ['viewer'] }, ADMIN)).status).toBe(200);
  });
  afterAll(() => server.close());

  // Three entries each: jest.each would take a missing third argument for a `done` callback.
  const managed: Array<[string, string, unknown]> = [
    ['PUT', '/api/security/users/someone', { password: 'someone-password', roles: [] }],
    ['GET', '/api/security/users', undefined],
    ['DELETE', '/api/security/users/someone', undefined],
    ['POST', '/api/security/api_keys', { name: 'k', roles: [] }],
    ['GET', '/api/security/api_keys', undefined],
    ['DELETE', `/api/security/api_keys/${KEY_ID}`, undefined],
  ];

  it.each(managed)('%s %s: 401 anonymous, 403 for a viewer', async (method, path, body) => {
    const anonymous = await call(method, path, body);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.message).toBe('[security] missing credentials');
    const viewer = await call(method, path, body, VIEWER);
    expect(viewer.status).toBe(403);
    expect(viewer.body.message).toBe('Forbidden: missing privilege [security:manage]');
  });

  it('me and logout: 401 anonymous, allowed for any authenticated caller', async () => {
    expect((await call('GET', '/api/security/me')).status).toBe(401);
    expect((await call('POST', '/api/security/logout')).status).toBe(401);
    expect((await call('GET', '/api/security/me', undefined, VIEWER)).body).toEqual({ username: 'viewer', roles: ['viewer'], authenticationType: 'basic' });
    const logout = await call('POST', '/api/security/logout', undefined, VIEWER);
    expect(logout.status).toBe(200);
    expect(logout.body).toEqual({ logged_out: true, session_revoked: false });
    expect(logout.headers.get('set-cookie')).toBe('osd_sid=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  });

  it('login: 400 naming the field, 401 with one message for a wrong pair or an unknown user', async () => {
    const bad: Array<[unknown, string]> = [
      [{ password: 'x' }, '[request body.username]: expected value of type [string] but got [undefined]'],
      [{ username: 'a:b', password: 'x' }, '[request body.username]: must start with a letter or digit and contain only letters, digits and . _ @ -'],
      [{ username: 'viewer', password: '' }, '[request body.password]: value has length [0] but it must have a minimum length of [1].'],
      [{ username: 'viewer', password: 'viewer-password', extra: 1 }, '[request body.extra]: definition for this key is missing'],
    ];
    for (const [body, message] of bad) {
      const res = await call('POST', '/api/security/login', body);
      expect([res.status, res.body.message]).toEqual([400, message]);
    }
    const wrong = await call('POST', '/api/security/login', { username: 'viewer', password: 'nope-nope' });
    const unknown = await call('POST', '/api/security/login', { username: 'ghost', password: 'nope-nope' });
    expect([wrong.status, wrong.body.message]).toEqual([401, '[security] invalid username or password']);
    expect([unknown.status, unknown.body.message]).toEqual([401, '[security] invalid username or password']);
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('login: a session cookie (HttpOnly, SameSite=Lax, Path=/) that authenticates, until logout', async () => {
    const login = await call('POST', '/api/security/login', { username: 'viewer', password: 'viewer-password' });
    expect(login.status).toBe(200);
    expect(login.body).toEqual({ username: 'viewer', roles: ['viewer'] });
    const setCookie = login.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^osd_sid=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Lax; Path=\/$/);
    const cookie = setCookie.split(';')[0];
    expect((await call('GET', '/api/security/me', undefined, undefined, { cookie })).body.authenticationType).toBe('session');
    expect((await call('POST', '/api/security/logout', undefined, undefined, { cookie })).body).toEqual({ logged_out: true, session_revoked: true });
    const after = await call('GET', '/api/security/me', undefined, undefined, { cookie });
    expect([after.status, after.body.message]).toEqual([401, '[security] session expired or revoked']);
    expect(after.headers.get('set-cookie')).toMatch(/^osd_sid=; /);
  });

  it('login: 429 with Retry-After after 5 wrong passwords for a username, the right one included', async () => {
    expect((await call('PUT', '/api/security/users/dave', { password: 'dave-password', roles: ['viewer'] }, ADMIN)).status).toBe(200);
    for (let i = 0; i < 5; i++) {
      expect((await call('POST', '/api/security/login', { username: 'dave', password: `wrong-${i}` })).status).toBe(401);
    }
    const locked = await call('POST', '/api/security/login', { username: 'dave', password: 'dave-password' });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThanOrEqual(59);
    expect(locked.body.message).toMatch(/^\[security\] too many failed logins for this user; retry in \d+ s$/);
    // Basic shares the lock; other users are not affected.
    expect((await call('GET', '/api/security/me', undefined, basic('dave', 'dave-password'))).status).toBe(429);
    expect((await call('GET', '/api/security/me', undefined, VIEWER)).status).toBe(200);
  });

  it('users: 400 naming the field for bad input', async () => {
    const bad: Array<[string, unknown, string]> = [
      ['newbie', { password: 'short', roles: ['viewer'] }, '[request body.password]: must be at least 8 characters'],
      ['newbie', { password: 'long-enough', roles: ['root'] }, '[request body.roles.0]: unknown role [root] (known roles: admin, viewer, monitoring)'],
      ['newbie', { password: 'long-enough' }, '[request body.roles]: expected value of type [array] but got [undefined]'],
      ['newbie', { roles: ['viewer'] }, '[request body.password]: required when creating a user'],
      ['new:bie', { password: 'long-enough', roles: [] }, '[request params.username]: must start with a letter or digit and contain only letters, digits and . _ @ -'],
    ];
    for (const [name, body, message] of bad) {
      const res = await call('PUT', `/api/security/users/${encodeURIComponent(name)}`, body, ADMIN);
      expect([res.status, res.body.message]).toEqual([400, message]);
    }
    const del = await call('DELETE', '/api/security/users/-x', undefined, ADMIN);
    expect([del.status, del.body.message]).toEqual([400, '[request params.username]: must start with a letter or digit and contain only letters, digits and . _ @ -']);
    expect((await call('DELETE', '/api/security/users/ghost', undefined, ADMIN)).status).toBe(404);
  });

  it('users: create, update keeping the password, list without hashes, refuse losing the last admin', async () => {
    expect((await call('PUT', '/api/security/users/carol', { password: 'carol-password', roles: ['viewer'] }, ADMIN)).body).toEqual({
      username: 'carol',
      roles: ['viewer'],
      created: true,
    });
    expect((await call('PUT', '/api/security/users/carol', { roles: ['monitoring'] }, ADMIN)).body).toEqual({ username: 'carol', roles: ['monitoring'], created: false });
    expect((await call('GET', '/api/security/me', undefined, basic('carol', 'carol-password'))).body.roles).toEqual(['monitoring']);
    const list = await call('GET', '/api/security/users', undefined, ADMIN);
    expect(list.body.users.map((u: { username: string }) => u.username)).toEqual(['admin', 'carol', 'dave', 'viewer']);
    expect(JSON.stringify(list.body)).not.toMatch(/scrypt|hash/);

    const demote = await call('PUT', '/api/security/users/admin', { roles: ['viewer'] }, ADMIN);
    expect([demote.status, demote.body.message]).toEqual([409, 'cannot remove the [admin] role from [admin]: it is the last user with that role']);
    const remove = await call('DELETE', '/api/security/users/admin', undefined, ADMIN);
    expect([remove.status, remove.body.message]).toEqual([409, 'cannot delete user [admin]: it is the last user with the [admin] role']);
    expect((await call('DELETE', '/api/security/users/carol', undefined, ADMIN)).body).toEqual({ username: 'carol', deleted: true });
    expect((await call('GET', '/api/security/me', undefined, basic('carol', 'carol-password'))).status).toBe(401);
  });

  it('API keys: 400 naming the field, the secret shown once, revoked at once', async () => {
    const bad: Array<[unknown, string]> = [
      [{ roles: [] }, '[request body.name]: expected value of type [string] but got [undefined]'],
      [{ name: ' ', roles: [] }, '[request body.name]: must not be empty'],
      [{ name: 'k', roles: ['boss'] }, '[request body.roles.0]: unknown role [boss] (known roles: admin, viewer, monitoring)'],
      [{ name: 'k', roles: [], expiration: '10s' }, '[request body.expiration]: invalid duration [10s]; use a whole number and m, h or d, e.g. [30m], [12h], [1d]'],
      [{ name: 'k', roles: [], expiration: '4000d' }, '[request body.expiration]: must be at most 3650d'],
    ];
    for (const [body, message] of bad) {
      const res = await call('POST', '/api/security/api_keys', body, ADMIN);
      expect([res.status, res.body.message]).toEqual([400, message]);
    }
    const badId = await call('DELETE', '/api/security/api_keys/nope', undefined, ADMIN);
    expect([badId.status, badId.body.message]).toEqual([400, '[request params.id]: must be an API key id (22 base64url characters)']);
    expect((await call('DELETE', `/api/security/api_keys/${KEY_ID}`, undefined, ADMIN)).status).toBe(404);

    const created = await call('POST', '/api/security/api_keys', { name: 'ci', roles: ['monitoring'], expiration: '1d' }, ADMIN);
    expect(created.status).toBe(200);
    expect(Object.keys(created.body).sort()).toEqual(['api_key', 'encoded', 'expiration', 'id', 'name']);
    const key = `ApiKey ${created.body.encoded}`;
    expect((await call('GET', '/api/security/me', undefined, key)).body).toEqual({ username: 'admin', roles: ['monitoring'], authenticationType: 'api_key' });
    const list = await call('GET', '/api/security/api_keys', undefined, ADMIN);
    expect(list.body.api_keys).toEqual([expect.objectContaining({ id: created.body.id, name: 'ci', roles: ['monitoring'], expired: false, created_by: 'admin' })]);
    expect(JSON.stringify(list.body)).not.toContain(created.body.api_key);
    // The key's own roles apply: it may not manage keys.
    expect((await call('GET', '/api/security/api_keys', undefined, key)).status).toBe(403);
    expect((await call('DELETE', `/api/security/api_keys/${created.body.id}`, undefined, ADMIN)).body).toEqual({ id: created.body.id, revoked: true });
    expect((await call('GET', '/api/security/me', undefined, key)).status).toBe(401);
  });

  it('audits logins, logouts and changes, never with a secret', async () => {
    const events = server.auditEvents();
    const text = JSON.stringify(events);
    for (const secret of ['viewer-password', 'admin-password', 'carol-password']) expect(text).not.toContain(secret);
    const seen = new Set(events.map((e) => `${e.action}:${e.outcome}`));
    for (const expected of ['login:success', 'login:failure', 'logout:success', 'user_create:success', 'user_update:success', 'user_update:failure', 'user_delete:success', 'user_delete:failure', 'api_key_create:success', 'api_key_revoke:success', 'api_key_revoke:failure']) {
      expect(seen).toContain(expected);
    }
  });
});

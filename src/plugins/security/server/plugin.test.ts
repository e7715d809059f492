/*
 * The plugin wired to core's real HTTP service and a real SQLite store, in this process: what it
 * registers, the auth handler's answers and the two interceptors on routes of a test plugin.
 */
import { schema } from '@osd/config-schema';
import { statSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startPluginTestServer, type PluginTestServer } from './plugin_test_server';

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const ADMIN = basic('admin', 'admin-password');

describe('security plugin', () => {
  let server: PluginTestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('registers nothing when loaded with enabled: false (core itself leaves it out and warns)', async () => {
    server = await startPluginTestServer({
      config: { enabled: false },
      adminPassword: 'admin-password',
      routes: (router) => router.get({ path: '/api/open', validate: false, options: { tags: ['access:security:manage'] } }, async (_c, _r, res) => res.ok({ body: 'open' })),
    });
    expect((await fetch(`${server.url}/api/open`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/security/me`)).status).toBe(404);
    expect(server.logs.filter((l) => / warn /.test(l))).toEqual([]);
    expect(server.auditEvents()).toEqual([]);
  });

  it('creates the first admin from OSD_ADMIN_PASSWORD, once, and refuses a weak one', async () => {
    server = await startPluginTestServer({ adminPassword: 'admin-password' });
    expect(server.auditEvents()).toEqual([
      { action: 'first_admin_create', outcome: 'success', reason: 'password from OSD_ADMIN_PASSWORD', targetUser: 'admin', roles: ['admin'] },
    ]);
    const me = await fetch(`${server.url}/api/security/me`, { headers: { authorization: ADMIN } });
    expect(await me.json()).toEqual({ username: 'admin', roles: ['admin'], authenticationType: 'basic' });
    await server.close();
    server = undefined;
    await expect(startPluginTestServer({ adminPassword: 'short' })).rejects.toThrow('[OSD_ADMIN_PASSWORD]: must be at least 8 characters');
  });

  it('generates a first admin password into path.data (0600) when none is given, and logs it once', async () => {
    server = await startPluginTestServer();
    const file = join(server.dataPath, 'initial_admin_password');
    const password = readFileSync(file, 'utf8').trim();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(server.logs.filter((l) => l.includes(password))).toHaveLength(1);
    expect((await fetch(`${server.url}/api/security/me`, { headers: { authorization: basic('admin', password) } })).status).toBe(200);
    // A restart on the same store changes nothing.
    const dataPath = server.dataPath;
    await server.stop();
    const again = await startPluginTestServer({ dataPath, adminPassword: 'another-password' });
    try {
      expect(readFileSync(file, 'utf8').trim()).toBe(password);
      expect(again.logs).toContain('plugins.security info OSD_ADMIN_PASSWORD is ignored: users exist already');
      expect((await fetch(`${again.url}/api/security/me`, { headers: { authorization: basic('admin', 'another-password') } })).status).toBe(401);
    } finally {
      await again.stop();
    }
  });

  describe('on routes of another plugin', () => {
    beforeEach(async () => {
      server = await startPluginTestServer({
        adminPassword: 'admin-password',
        basePath: '/osd',
        routes: (router) => {
          const ok = async (_c: unknown, _r: unknown, res: any) => res.ok({ body: { ok: true } });
          router.get({ path: '/api/untagged', validate: false }, ok);
          router.get({ path: '/api/stats_like', validate: false, options: { tags: ['access:stats:read'] } }, ok);
          router.post(
            { path: '/api/write', validate: { body: schema.object({ v: schema.number() }) }, options: { tags: ['access:ui_settings:write', 'audit:ui_settings_write'] } },
            ok
          );
          router.get({ path: '/api/public', validate: false, options: { authRequired: false, tags: ['access:security:manage'] } }, ok);
          router.get({ path: '/app/{path*}', validate: false }, ok);
        },
      });
      const put = (name: string, roles: string[]) =>
        fetch(`${server!.url}/api/security/users/${name}`, {
          method: 'PUT',
          headers: { authorization: ADMIN, 'osd-xsrf': 't', 'content-type': 'application/json' },
          body: JSON.stringify({ password: `${name}-password`, roles }),
        });
      expect((await put('viewer', ['viewer'])).status).toBe(200);
      expect((await put('monitor', ['monitoring'])).status).toBe(200);
    });
    const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server!.url}${path}`, { headers, redirect: 'manual' });

    it('answers API routes 401 with a Basic challenge (not for the browser app), pages with a login redirect', async () => {
      const anonymous = await get('/api/untagged');
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toBe('Basic realm="OpenSearch Dashboards", charset="UTF-8"');
      expect((await anonymous.json()).message).toBe('[security] missing credentials');
      expect((await get('/api/untagged', { 'osd-version': '1' })).headers.get('www-authenticate')).toBeNull();

      const page = await get('/app/home?tab=1');
      expect(page.status).toBe(302);
      expect(page.headers.get('location')).toBe('/osd/login?next=%2Fosd%2Fapp%2Fhome%3Ftab%3D1');
      // Wrong credentials are never a redirect, nor anonymous.
      expect((await get('/app/home', { authorization: basic('viewer', 'wrong-password') })).status).toBe(401);
      expect((await get('/api/public')).status).toBe(200);
    });

    it('applies the access: tags: apps:use by default, 403 naming the missing privilege', async () => {
      const viewer = basic('viewer', 'viewer-password');
      const monitor = basic('monitor', 'monitor-password');
      expect((await get('/api/untagged', { authorization: viewer })).status).toBe(200);
      const denied = await get('/api/untagged', { authorization: monitor });
      expect(denied.status).toBe(403);
      expect((await denied.json()).message).toBe('Forbidden: missing privilege [apps:use]');
      expect((await get('/api/stats_like', { authorization: monitor })).status).toBe(200);
      expect((await (await get('/api/stats_like', { authorization: viewer })).json()).message).toBe('Forbidden: missing privilege [stats:read]');
      expect(server!.auditEvents()).toContainEqual(
        expect.objectContaining({ action: 'authorize', outcome: 'denied', user: 'viewer', missing: ['stats:read'], path: '/api/stats_like' })
      );
    });

    it('refuses before reading the body, and audits audit:-tagged routes with the status code', async () => {
      const post = (authorization: string | undefined, body: string) =>
        fetch(`${server!.url}/api/write`, {
          method: 'POST',
          headers: { 'osd-xsrf': 't', 'content-type': 'application/json', ...(authorization && { authorization }) },
          body,
        });
      // A viewer's malformed body is not even parsed: the refusal comes first.
      expect((await post(basic('viewer', 'viewer-password'), '{not json')).status).toBe(403);
      expect((await post(undefined, '{not json')).status).toBe(401);
      expect((await post(ADMIN, '{"v":"x"}')).status).toBe(400);
      expect((await post(ADMIN, '{"v":1}')).status).toBe(200);
      const lines = server!.auditEvents().filter((e) => e.action === 'ui_settings_write');
      expect(lines.map((e) => [e.user, e.outcome, e.statusCode])).toEqual([
        ['viewer', 'denied', 403],
        [undefined, 'denied', 401],
        ['admin', 'failure', 400],
        ['admin', 'success', 200],
      ]);
    });
  });
});

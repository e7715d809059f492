/*
 * How a real server starts with security on and off, on each store: the first admin from
 * OSD_ADMIN_PASSWORD or a generated password (logged once, in <path.data>/initial_admin_password, 0600,
 * never changed by later starts), a weak OSD_ADMIN_PASSWORD refused at start, and the warning when off.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { api, runServerToExit, startOsdServer, TEST_ADMIN_PASSWORD, type OsdServer } from '../../../../../test/harness/osd_server';
import { storeModes } from '../../../../../test/harness/store_modes';
import { as, auditEvents, basicAuthHeader, call, startSecureServer, stopAll } from './helpers';

describe.each(storeModes('security_first_start'))('security at start (%s store)', (mode) => {
  const servers: OsdServer[] = [];
  beforeAll(() => mode.before(), 180000);
  afterAll(() => mode.after());
  afterEach(async () => {
    await stopAll(servers);
    await mode.reset();
  });

  it('is on by default: anonymous callers get 401, the harness admin gets in, no open-server warning', async () => {
    const server = await startOsdServer({ args: mode.args() });
    servers.push(server);
    expect((await call(`${server.url}/api/opensearch-dashboards/settings`, 'GET')).status).toBe(401);
    expect((await api(`${server.url}/api/security/me`)).body).toEqual({ username: 'admin', roles: ['admin'], authenticationType: 'basic' });
    expect(server.output()).not.toContain('No authentication is configured');
  });

  it('security.enabled: false leaves the plugin out: one warning, no security routes, anonymous callers allowed', async () => {
    const server = await startOsdServer({ args: ['--security.enabled=false', ...mode.args()] });
    servers.push(server);
    const warnings = server.output().split('\n').filter((l) => l.includes('No authentication is configured'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('[WARN][http]');
    expect((await call(`${server.url}/api/security/me`, 'GET')).status).toBe(404);
    expect((await call(`${server.url}/api/opensearch-dashboards/settings`, 'GET')).status).toBe(200);
    // The harness's default Basic credentials change nothing.
    expect((await api(`${server.url}/api/opensearch-dashboards/settings`)).status).toBe(200);
  });

  it('creates admin with OSD_ADMIN_PASSWORD on an empty store, and writes no password file', async () => {
    const server = await startSecureServer(mode);
    servers.push(server);
    const me = await api(`${server.url}/api/security/me`);
    expect(me.body).toEqual({ username: 'admin', roles: ['admin'], authenticationType: 'basic' });
    expect(() => statSync(join(server.dataPath, 'initial_admin_password'))).toThrow();
    expect(server.output()).toContain('Created the first user [admin] (role admin) with the password from OSD_ADMIN_PASSWORD');
    expect(server.output()).not.toContain(TEST_ADMIN_PASSWORD);
    expect(auditEvents(server)).toContainEqual(expect.objectContaining({ action: 'first_admin_create', outcome: 'success', targetUser: 'admin' }));
  });

  it('generates a password without OSD_ADMIN_PASSWORD: logged once, kept in a 0600 file that later starts leave alone', async () => {
    const first = await startSecureServer(mode, { env: { OSD_ADMIN_PASSWORD: undefined } });
    servers.push(first);
    const file = join(first.dataPath, 'initial_admin_password');
    const password = readFileSync(file, 'utf8').trim();
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.output().split(password)).toHaveLength(2);
    const admin = as(basicAuthHeader('admin', password));
    expect((await admin(`${first.url}/api/security/me`)).status).toBe(200);
    // The harness password is not the admin's.
    expect((await api(`${first.url}/api/security/me`)).status).toBe(401);

    // A restart on the same store, even with OSD_ADMIN_PASSWORD now set, changes neither the user nor the file.
    await first.stop();
    const again = await startSecureServer(mode, { dataPath: first.dataPath });
    servers.push(again);
    expect(again.output()).toContain('OSD_ADMIN_PASSWORD is ignored: users exist already');
    expect(again.output()).not.toContain(password);
    expect(readFileSync(file, 'utf8').trim()).toBe(password);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect((await admin(`${again.url}/api/security/me`)).status).toBe(200);
    expect((await api(`${again.url}/api/security/me`)).status).toBe(401);
    // Stopped before afterEach removes the folder they share.
    await again.stop();
  });

  it('refuses to start with a weak OSD_ADMIN_PASSWORD on an empty store, naming it', async () => {
    const { code, output } = await runServerToExit({
      args: ['--security.enabled=true', ...mode.args()],
      env: { OSD_ADMIN_PASSWORD: 'short' },
      timeoutMs: 90000,
    });
    expect(code).not.toBe(0);
    expect(output).toContain('[OSD_ADMIN_PASSWORD]: must be at least 8 characters');
  });
});

/*
 * Who may call what on a real server with security on, on each store: every security route, and the other
 * plugins' and core's (the saved objects API included), for an anonymous caller, admin (Basic and cookie),
 * viewer, monitoring and an API key; bad input; the login throttle; revocation; pages; the hidden types;
 * audit lines.
 */
import type { OsdServer } from '../../../../../test/harness/osd_server';
import { storeModes } from '../../../../../test/harness/store_modes';
import { ADMIN, as, auditEvents, basicAuthHeader, call, createApiKey, login, putUser, startSecureServer, stopAll, withCookie } from './helpers';

const KEY_ID = 'AAAAAAAAAAAAAAAAAAAAAA';
type Caller = 'anonymous' | 'admin' | 'adminCookie' | 'viewer' | 'monitoring' | 'apiKey';
const CALLERS: Caller[] = ['anonymous', 'admin', 'adminCookie', 'viewer', 'monitoring', 'apiKey'];

/** [method, path, body, status per caller]: manage routes get bad input, so an admin's answer is the 400 naming the field. */
// Five entries each: jest.each takes a missing last argument for a `done` callback.
const MATRIX: Array<[string, string, unknown, Record<Caller, number>, string | undefined]> = [
  ['GET', '/api/security/me', undefined, { anonymous: 401, admin: 200, adminCookie: 200, viewer: 200, monitoring: 200, apiKey: 200 }, undefined],
  ['GET', '/api/security/users', undefined, { anonymous: 401, admin: 200, adminCookie: 200, viewer: 403, monitoring: 403, apiKey: 403 }, undefined],
  ['GET', '/api/security/api_keys', undefined, { anonymous: 401, admin: 200, adminCookie: 200, viewer: 403, monitoring: 403, apiKey: 403 }, undefined],
  ['PUT', '/api/security/users/newbie', { password: 'short', roles: ['viewer'] }, { anonymous: 401, admin: 400, adminCookie: 400, viewer: 403, monitoring: 403, apiKey: 403 }, '[request body.password]: must be at least 8 characters'],
  ['DELETE', '/api/security/users/-bad', undefined, { anonymous: 401, admin: 400, adminCookie: 400, viewer: 403, monitoring: 403, apiKey: 403 }, '[request params.username]: must start with a letter or digit'],
  ['POST', '/api/security/api_keys', { name: 'k', roles: ['root'] }, { anonymous: 401, admin: 400, adminCookie: 400, viewer: 403, monitoring: 403, apiKey: 403 }, '[request body.roles.0]: unknown role [root]'],
  ['DELETE', '/api/security/api_keys/not-an-id', undefined, { anonymous: 401, admin: 400, adminCookie: 400, viewer: 403, monitoring: 403, apiKey: 403 }, '[request params.id]: must be an API key id'],
  ['DELETE', `/api/security/api_keys/${KEY_ID}`, undefined, { anonymous: 401, admin: 404, adminCookie: 404, viewer: 403, monitoring: 403, apiKey: 403 }, undefined],
  ['POST', '/api/security/login', { username: 'admin', password: 12 }, { anonymous: 400, admin: 400, adminCookie: 400, viewer: 400, monitoring: 400, apiKey: 400 }, '[request body.password]: expected value of type [string] but got [number]'],
  // The other plugins' and core's routes, by their access tags (the API key has the viewer role).
  ['GET', '/api/opensearch-dashboards/settings', undefined, { anonymous: 401, admin: 200, adminCookie: 200, viewer: 200, monitoring: 403, apiKey: 200 }, undefined],
  ['POST', '/api/opensearch-dashboards/settings', { changes: 'x' }, { anonymous: 401, admin: 400, adminCookie: 400, viewer: 403, monitoring: 403, apiKey: 403 }, '[request body.changes]'],
  ['DELETE', '/api/opensearch-dashboards/settings/dateFormat', undefined, { anonymous: 401, admin: 200, adminCookie: 200, viewer: 403, monitoring: 403, apiKey: 403 }, undefined],
  ['GET', '/api/stats?exclude_usage=true', undefined, { anonymous: 401, admin: 200, adminCookie: 200, viewer: 403, monitoring: 200, apiKey: 403 }, undefined],
  ['POST', '/api/ui_metric/report', { report: { application_usage: { app: { minutesOnScreen: 1, numberOfClicks: 0.5 } } } }, { anonymous: 401, admin: 400, adminCookie: 400, viewer: 400, monitoring: 403, apiKey: 400 }, '[request body.report.application_usage.app.numberOfClicks]'],
  ['POST', '/api/telemetry/v2/optIn', { enabled: 'x' }, { anonymous: 401, admin: 400, adminCookie: 400, viewer: 403, monitoring: 403, apiKey: 403 }, '[request body.enabled]'],
  ['POST', '/api/telemetry/v2/clusters/_stats', { unencrypted: 'x' }, { anonymous: 401, admin: 400, adminCookie: 400, viewer: 403, monitoring: 403, apiKey: 403 }, '[request body.unencrypted]'],
  ['POST', '/api/telemetry/v2/clusters/_opt_in_stats', { enabled: 'x' }, { anonymous: 401, admin: 400, adminCookie: 400, viewer: 403, monitoring: 403, apiKey: 403 }, '[request body.enabled]'],
  ['PUT', '/api/telemetry/v2/userHasSeenNotice', undefined, { anonymous: 401, admin: 200, adminCookie: 200, viewer: 403, monitoring: 403, apiKey: 403 }, undefined],
  ['GET', '/api/telemetry/v2/state', undefined, { anonymous: 401, admin: 200, adminCookie: 200, viewer: 200, monitoring: 403, apiKey: 200 }, undefined],
  // The report ledger: the telemetry admin only (`telemetry:reports`). Telemetry is undecided here, so `_send` is a 400 and nothing leaves.
  ['GET', '/api/telemetry/v2/reports', undefined, { anonymous: 401, admin: 200, adminCookie: 200, viewer: 403, monitoring: 403, apiKey: 403 }, undefined],
  ['GET', '/api/telemetry/v2/reports/Not_An-Id', undefined, { anonymous: 401, admin: 400, adminCookie: 400, viewer: 403, monitoring: 403, apiKey: 403 }, '[request params.id]: must be a report id'],
  ['GET', '/api/telemetry/v2/reports/no-such-report', undefined, { anonymous: 401, admin: 404, adminCookie: 404, viewer: 403, monitoring: 403, apiKey: 403 }, undefined],
  ['GET', '/api/telemetry/v2/reports/no-such-report/_diff', undefined, { anonymous: 401, admin: 404, adminCookie: 404, viewer: 403, monitoring: 403, apiKey: 403 }, undefined],
  ['POST', '/api/telemetry/v2/reports/_send', undefined, { anonymous: 401, admin: 400, adminCookie: 400, viewer: 403, monitoring: 403, apiKey: 403 }, 'Telemetry is not opted in'],
  ['POST', '/api/telemetry/v2/reports/_export', { ids: 'x' }, { anonymous: 401, admin: 400, adminCookie: 400, viewer: 403, monitoring: 403, apiKey: 403 }, '[request body.ids]'],
  ['GET', '/api/telemetry_management_section/example_report', undefined, { anonymous: 401, admin: 200, adminCookie: 200, viewer: 403, monitoring: 403, apiKey: 403 }, undefined],
  // Core's saved objects API: reads need saved_objects:read (viewer, API key with the viewer role), writes saved_objects:write.
  ['GET', '/api/saved_objects/_find?type=config', undefined, { anonymous: 401, admin: 200, adminCookie: 200, viewer: 200, monitoring: 403, apiKey: 200 }, undefined],
  ['GET', '/api/saved_objects/config/no-such-id', undefined, { anonymous: 401, admin: 404, adminCookie: 404, viewer: 404, monitoring: 403, apiKey: 404 }, undefined],
  ['POST', '/api/saved_objects/_bulk_get', [{ type: 'config' }], { anonymous: 401, admin: 400, adminCookie: 400, viewer: 400, monitoring: 403, apiKey: 400 }, '[request body.0.id]'],
  ['POST', '/api/saved_objects/config', { attributes: 'x' }, { anonymous: 401, admin: 400, adminCookie: 400, viewer: 403, monitoring: 403, apiKey: 403 }, '[request body.attributes]'],
  ['POST', '/api/saved_objects/config/some-id', { attributes: {}, references: [{}] }, { anonymous: 401, admin: 400, adminCookie: 400, viewer: 403, monitoring: 403, apiKey: 403 }, '[request body.references.0.name]'],
  ['PUT', '/api/saved_objects/config/some-id', { attributes: {}, version: 'v' }, { anonymous: 401, admin: 400, adminCookie: 400, viewer: 403, monitoring: 403, apiKey: 403 }, '[request body.version]: Invalid version [v]'],
  ['DELETE', '/api/saved_objects/config/no-such-id', undefined, { anonymous: 401, admin: 404, adminCookie: 404, viewer: 403, monitoring: 403, apiKey: 403 }, undefined],
  // One object's path takes nothing but `{type}/{id}`: an id over 256 characters is its bad input.
  ['GET', `/api/saved_objects/config/${'x'.repeat(257)}`, undefined, { anonymous: 401, admin: 400, adminCookie: 400, viewer: 400, monitoring: 403, apiKey: 400 }, '[request params.id]'],
  ['DELETE', `/api/saved_objects/config/${'x'.repeat(257)}`, undefined, { anonymous: 401, admin: 400, adminCookie: 400, viewer: 403, monitoring: 403, apiKey: 403 }, '[request params.id]'],
  ['POST', '/api/saved_objects/_bulk_create', [{ type: 'config' }], { anonymous: 401, admin: 400, adminCookie: 400, viewer: 403, monitoring: 403, apiKey: 403 }, '[request body.0.attributes]'],
  ['PUT', '/api/saved_objects/_bulk_update', [{ type: 'config', attributes: {} }], { anonymous: 401, admin: 400, adminCookie: 400, viewer: 403, monitoring: 403, apiKey: 403 }, '[request body.0.id]'],
  // Pages and files anyone may load: the favicon and the login page (authRequired: false; no input).
  ['GET', '/ui/favicon.svg', undefined, { anonymous: 200, admin: 200, adminCookie: 200, viewer: 200, monitoring: 200, apiKey: 200 }, undefined],
  ['GET', '/login', undefined, { anonymous: 200, admin: 200, adminCookie: 200, viewer: 200, monitoring: 200, apiKey: 200 }, undefined],
  // Everyone gets an answer; the anonymous one is the overall level only (checked below).
  ['GET', '/api/status', undefined, { anonymous: 200, admin: 200, adminCookie: 200, viewer: 200, monitoring: 200, apiKey: 200 }, undefined],
];

describe.each(storeModes('security_access'))('security routes and roles (%s store)', (mode) => {
  const servers: OsdServer[] = [];
  let server: OsdServer;
  const headers: Partial<Record<Caller, Record<string, string>>> = {};
  beforeAll(async () => {
    await mode.before();
    server = await startSecureServer(mode);
    servers.push(server);
    await putUser(server, 'viewer', 'viewer-password', ['viewer']);
    await putUser(server, 'monitor', 'monitor-password', ['monitoring']);
    const key = await createApiKey(server, 'dashboards-viewer', ['viewer']);
    Object.assign(headers, {
      anonymous: {},
      admin: { authorization: ADMIN },
      adminCookie: { cookie: await login(server, 'admin', 'harness-admin-password-1') },
      viewer: { authorization: basicAuthHeader('viewer', 'viewer-password') },
      monitoring: { authorization: basicAuthHeader('monitor', 'monitor-password') },
      apiKey: { authorization: `ApiKey ${key.encoded}` },
    });
  }, 180000);
  afterAll(async () => {
    await stopAll(servers);
    await mode.reset();
    await mode.after();
  });

  it.each(MATRIX)('%s %s answers each caller as expected', async (method, path, body, expected, message) => {
    const got: Record<string, number> = {};
    for (const caller of CALLERS) {
      const res = await call(`${server.url}${path}`, method, body, headers[caller]);
      got[caller] = res.status;
      if (res.status === 401) expect(res.body.message).toBe('[security] missing credentials');
      if (res.status === 403) expect(res.body.message).toMatch(/^Forbidden: missing privilege \[[a-z_]+:[a-z_]+\]$/);
      if (res.status === 400 && message) expect(res.body.message).toContain(message);
    }
    expect(got).toEqual(expected);
  });

  it('GET /app (apps:use; it takes no input, so there is no 400) leads each caller who may use the apps to the defaultRoute', async () => {
    for (const caller of ['admin', 'adminCookie', 'viewer', 'apiKey'] as const) {
      const res = await fetch(`${server.url}/app`, { headers: headers[caller], redirect: 'manual' });
      expect([caller, res.status, res.headers.get('location')]).toEqual([caller, 302, '/app/home']);
    }
    const monitoring = await call(`${server.url}/app`, 'GET', undefined, headers.monitoring);
    expect([monitoring.status, monitoring.body.message]).toEqual([403, 'Forbidden: missing privilege [apps:use]']);
    // Anonymous: a page, so the login page rather than a 401 (checked with the other pages below).
  });

  it('tells each caller who it is, and how it authenticated', async () => {
    const me = async (caller: Caller) => (await call(`${server.url}/api/security/me`, 'GET', undefined, headers[caller])).body;
    expect(await me('admin')).toEqual({ username: 'admin', roles: ['admin'], authenticationType: 'basic' });
    expect(await me('adminCookie')).toEqual({ username: 'admin', roles: ['admin'], authenticationType: 'session' });
    expect(await me('monitoring')).toEqual({ username: 'monitor', roles: ['monitoring'], authenticationType: 'basic' });
    expect(await me('apiKey')).toEqual({ username: 'admin', roles: ['viewer'], authenticationType: 'api_key' });
  });

  it('challenges API clients with Basic, sends pages to the login page, leaves /api/status open', async () => {
    const anonymous = await call(`${server.url}/api/security/me`, 'GET');
    expect(anonymous.headers.get('www-authenticate')).toBe('Basic realm="OpenSearch Dashboards", charset="UTF-8"');
    for (const path of ['/app/home?tab=a%20b', '/', '/app']) {
      const page = await fetch(`${server.url}${path}`, { redirect: 'manual' });
      expect(page.status).toBe(302);
      expect(page.headers.get('location')).toBe(`/login?next=${encodeURIComponent(path)}`);
    }
    const withSession = await fetch(`${server.url}/app/home`, { headers: headers.adminCookie, redirect: 'manual' });
    expect(withSession.status).toBe(200);
    expect(await withSession.text()).toContain('osd-injected-metadata');
    const status = await call(`${server.url}/api/status`, 'GET');
    expect(status.status).toBe(200);
    // Anonymous: the level a load balancer needs (upstream's legacy overall), no name, uuid, version or metrics.
    expect(status.body).toEqual({ status: { overall: expect.objectContaining({ state: 'green' }) } });
    expect(Object.keys(status.body.status.overall).sort()).toEqual(['icon', 'nickname', 'since', 'state', 'title', 'uiColor']);
    expect((await call(`${server.url}/api/status?v8format=true`, 'GET')).body).toEqual({ status: { overall: { level: 'available' } } });
    expect((await call(`${server.url}/api/status`, 'GET', undefined, headers.monitoring)).body.uuid).toEqual(expect.any(String));
  });

  it('renders the page with the capabilities of its caller', async () => {
    const capabilitiesOf = async (caller: Caller) => {
      const html = await (await fetch(`${server.url}/app/home`, { headers: headers[caller] })).text();
      const data = /<osd-injected-metadata data="([^"]*)">/.exec(html)![1].replace(/&quot;/g, '"').replace(/&amp;/g, '&');
      return JSON.parse(data).capabilities;
    };
    expect((await capabilitiesOf('admin')).advancedSettings).toEqual({ show: true, save: true });
    expect((await capabilitiesOf('viewer')).advancedSettings).toEqual({ show: true, save: false });
  });

  it('sets an HttpOnly SameSite session cookie at login; logout ends it on the server', async () => {
    const res = await call(`${server.url}/api/security/login`, 'POST', { username: 'viewer', password: 'viewer-password' });
    expect(res.headers.get('set-cookie')).toMatch(/^osd_sid=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Lax; Path=\/$/);
    const cookie = res.headers.get('set-cookie')!.split(';')[0];
    const viewer = withCookie(cookie);
    expect((await viewer(`${server.url}/api/security/me`)).body.username).toBe('viewer');
    const logout = await viewer(`${server.url}/api/security/logout`, 'POST');
    expect(logout.body).toEqual({ logged_out: true, session_revoked: true });
    expect(logout.headers.get('set-cookie')).toMatch(/^osd_sid=; .*Max-Age=0/);
    const after = await viewer(`${server.url}/api/security/me`);
    expect([after.status, after.body.message]).toEqual([401, '[security] session expired or revoked']);
    const page = await fetch(`${server.url}/app/home`, { headers: { cookie }, redirect: 'manual' });
    expect(page.status).toBe(302);
    expect(page.headers.get('set-cookie')).toMatch(/^osd_sid=; /);
  });

  it('answers a wrong password 401 with one message, then 429 with Retry-After, the right password included, on login and Basic', async () => {
    await putUser(server, 'victim', 'victim-password', ['viewer']);
    const wrongLogin = await call(`${server.url}/api/security/login`, 'POST', { username: 'victim', password: 'nope-1' });
    const unknownUser = await call(`${server.url}/api/security/login`, 'POST', { username: 'ghost', password: 'nope-1' });
    expect([wrongLogin.status, wrongLogin.body.message]).toEqual([401, '[security] invalid username or password']);
    expect([unknownUser.status, unknownUser.body.message]).toEqual([401, '[security] invalid username or password']);
    for (let i = 2; i <= 5; i++) {
      const basic = await as(basicAuthHeader('victim', `nope-${i}`))(`${server.url}/api/security/me`);
      expect([basic.status, basic.body.message]).toEqual([401, '[security] invalid credentials']);
    }
    for (const attempt of [
      () => call(`${server.url}/api/security/login`, 'POST', { username: 'victim', password: 'victim-password' }),
      () => as(basicAuthHeader('victim', 'victim-password'))(`${server.url}/api/security/me`),
    ]) {
      const res = await attempt();
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(50);
    }
    expect((await as(basicAuthHeader('viewer', 'viewer-password'))(`${server.url}/api/security/me`)).status).toBe(200);
  });

  it('revokes an API key at once, and lets no one delete or demote the last admin', async () => {
    const key = await createApiKey(server, 'short-lived', ['monitoring']);
    const listed = await as(ADMIN)(`${server.url}/api/security/api_keys`);
    expect(listed.body.api_keys).toContainEqual(expect.objectContaining({ id: key.id, name: 'short-lived', roles: ['monitoring'], created_by: 'admin' }));
    expect(listed.text).not.toContain(key.api_key);
    const client = as(`ApiKey ${key.encoded}`);
    expect((await client(`${server.url}/api/security/me`)).status).toBe(200);
    expect((await as(ADMIN)(`${server.url}/api/security/api_keys/${key.id}`, 'DELETE')).body).toEqual({ id: key.id, revoked: true });
    expect((await client(`${server.url}/api/security/me`)).status).toBe(401);

    const demote = await as(ADMIN)(`${server.url}/api/security/users/admin`, 'PUT', { roles: ['viewer'] });
    expect([demote.status, demote.body.message]).toEqual([409, 'cannot remove the [admin] role from [admin]: it is the last user with that role']);
    const remove = await as(ADMIN)(`${server.url}/api/security/users/admin`, 'DELETE');
    expect([remove.status, remove.body.message]).toEqual([409, 'cannot delete user [admin]: it is the last user with the [admin] role']);
    // With a second admin, the first may go.
    await putUser(server, 'admin2', 'admin2-password', ['admin']);
    expect((await as(basicAuthHeader('admin2', 'admin2-password'))(`${server.url}/api/security/users/admin2`, 'PUT', { roles: ['viewer'] })).status).toBe(200);
    expect((await as(basicAuthHeader('admin2', 'admin2-password'))(`${server.url}/api/security/users`)).status).toBe(403);
  });

  it('never exposes the hidden types or a secret through the routes that exist', async () => {
    // The saved objects API treats them as types that do not exist: empty finds, 404 for one object.
    for (const path of ['/api/saved_objects/_find?type=security-user', '/api/saved_objects/_find?type=security-session&type=security-api-key']) {
      expect((await as(ADMIN)(`${server.url}${path}`)).body).toEqual({ page: 1, per_page: 20, total: 0, saved_objects: [] });
    }
    expect((await as(ADMIN)(`${server.url}/api/saved_objects/security-user/admin`)).status).toBe(404);
    const bulk = await as(ADMIN)(`${server.url}/api/saved_objects/_bulk_get`, 'POST', [{ type: 'security-user', id: 'admin' }]);
    expect(bulk.body.saved_objects[0].error).toMatchObject({ statusCode: 400, message: "Unsupported saved object type: 'security-user': Bad Request" });
    const texts = await Promise.all(
      ['/api/security/users', '/api/security/api_keys', '/api/stats?extended=true', '/api/opensearch-dashboards/settings'].map(async (p) => (await as(ADMIN)(`${server.url}${p}`)).text)
    );
    for (const text of texts) expect(text).not.toMatch(/scrypt|password_hash|key_hash/);
    if (mode.name === 'opensearch') {
      // Straight from the index: scrypt hashes only, and sessions under the hash of their cookie value.
      const usersInIndex = await mode.search('security-user');
      expect(usersInIndex.map((hit) => hit._source['security-user'].password_hash)).toEqual(usersInIndex.map(() => expect.stringMatching(/^\$scrypt\$/)));
      const sid = headers.adminCookie!.cookie.slice('osd_sid='.length);
      const sessionIds = (await mode.search('security-session')).map((hit) => hit._id);
      expect(sessionIds.length).toBeGreaterThan(0);
      expect(sessionIds.join()).not.toContain(sid);
    }
  });

  it('writes one audit line per login, logout, user and API-key change, naming user and outcome', async () => {
    const events = auditEvents(server);
    const has = (match: Record<string, unknown>) => expect(events).toContainEqual(expect.objectContaining(match));
    has({ action: 'login', outcome: 'success', user: 'admin' });
    has({ action: 'login', outcome: 'failure', user: 'victim' });
    has({ action: 'login', outcome: 'denied', user: 'victim' });
    has({ action: 'authenticate', outcome: 'denied', user: 'victim', retryAfterSeconds: expect.any(Number) });
    has({ action: 'logout', outcome: 'success', user: 'viewer' });
    has({ action: 'user_create', outcome: 'success', user: 'admin', targetUser: 'monitor' });
    has({ action: 'user_update', outcome: 'failure', user: 'admin', targetUser: 'admin' });
    has({ action: 'user_delete', outcome: 'failure', user: 'admin', targetUser: 'admin' });
    has({ action: 'api_key_create', outcome: 'success', user: 'admin', apiKeyName: 'short-lived' });
    has({ action: 'api_key_revoke', outcome: 'success', user: 'admin' });
    has({ action: 'authorize', outcome: 'denied', user: 'viewer', missing: ['security:manage'] });
    const text = JSON.stringify(events);
    for (const secret of ['viewer-password', 'victim-password', 'harness-admin-password-1']) expect(text).not.toContain(secret);
    expect(events.filter((e) => e.action === 'login' && e.outcome === 'success' && e.user === 'viewer')).toHaveLength(1);
  });
});

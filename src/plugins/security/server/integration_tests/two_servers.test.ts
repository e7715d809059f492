/*
 * Two servers on one store (embedded: one data folder; OpenSearch: one node and index): a session made on
 * one works on the other and ends on both at logout; user changes reach the other's sessions at once; a
 * revoked API key is refused at once by a server that never cached it, and by one that did within the
 * credential cache's TTL (30 s).
 */
import type { OsdServer } from '../../../../../test/harness/osd_server';
import { storeModes } from '../../../../../test/harness/store_modes';
import { ADMIN, as, createApiKey, login, putUser, startSecureServer, stopAll, withCookie } from './helpers';

const CACHE_TTL_MS = 30_000;

describe.each(storeModes('security_two_servers'))('security on two servers sharing one store (%s store)', (mode) => {
  const servers: OsdServer[] = [];
  let a: OsdServer;
  let b: OsdServer;
  beforeAll(async () => {
    await mode.before();
    // One after the other: the second finds the store (and the admin) the first created.
    a = await startSecureServer(mode);
    servers.push(a);
    b = await startSecureServer(mode, { dataPath: mode.name === 'embedded' ? a.dataPath : undefined });
    servers.push(b);
  }, 180000);
  afterAll(async () => {
    // B first: with the embedded store it shares A's folder, which A's cleanup removes.
    await b?.stop();
    await stopAll(servers);
    await mode.reset();
    await mode.after();
  });

  it('a session cookie from A works on B; logout on A ends it on B', async () => {
    await putUser(a, 'walker', 'walker-password', ['viewer']);
    const cookie = await login(a, 'walker', 'walker-password');
    const onB = withCookie(cookie);
    expect((await onB(`${b.url}/api/security/me`)).body).toEqual({ username: 'walker', roles: ['viewer'], authenticationType: 'session' });
    expect((await withCookie(cookie)(`${a.url}/api/security/logout`, 'POST')).body.session_revoked).toBe(true);
    const after = await onB(`${b.url}/api/security/me`);
    expect([after.status, after.body.message]).toEqual([401, '[security] session expired or revoked']);
  });

  it('a role change or deletion made on A applies at once to the user’s session on B', async () => {
    await putUser(a, 'mover', 'mover-password', ['viewer']);
    const onB = withCookie(await login(b, 'mover', 'mover-password'));
    expect((await onB(`${b.url}/api/opensearch-dashboards/settings`)).status).toBe(200);
    expect((await as(ADMIN)(`${a.url}/api/security/users/mover`, 'PUT', { roles: ['monitoring'] })).status).toBe(200);
    const demoted = await onB(`${b.url}/api/opensearch-dashboards/settings`);
    expect([demoted.status, demoted.body.message]).toEqual([403, 'Forbidden: missing privilege [ui_settings:read]']);
    expect((await as(ADMIN)(`${a.url}/api/security/users/mover`, 'DELETE')).status).toBe(200);
    expect((await onB(`${b.url}/api/security/me`)).status).toBe(401);
  });

  it('an API key revoked on A: refused by B at once if B never cached it, within the cache TTL if it did', async () => {
    const fresh = await createApiKey(a, 'never-on-b', ['viewer']);
    const cached = await createApiKey(a, 'used-on-b', ['viewer']);
    const freshOnB = as(`ApiKey ${fresh.encoded}`);
    const cachedOnB = as(`ApiKey ${cached.encoded}`);
    expect((await cachedOnB(`${b.url}/api/security/me`)).status).toBe(200);

    const revokedAt = Date.now();
    for (const key of [fresh, cached]) expect((await as(ADMIN)(`${a.url}/api/security/api_keys/${key.id}`, 'DELETE')).status).toBe(200);
    expect((await freshOnB(`${b.url}/api/security/me`)).status).toBe(401);
    expect((await as(`ApiKey ${cached.encoded}`)(`${a.url}/api/security/me`)).status).toBe(401);

    // B trusts its cache entry until the TTL ends, then asks the store and refuses.
    let status = 200;
    while (status === 200 && Date.now() - revokedAt < CACHE_TTL_MS + 10_000) {
      status = (await cachedOnB(`${b.url}/api/security/me`)).status;
      if (status === 200) await new Promise((r) => setTimeout(r, 1000));
    }
    expect(status).toBe(401);
    expect(Date.now() - revokedAt).toBeLessThan(CACHE_TTL_MS + 5_000);
  }, 90000);
});

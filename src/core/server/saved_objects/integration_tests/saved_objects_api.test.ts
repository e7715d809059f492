/*
 * Upstream's `/api/saved_objects` HTTP API on the real server, on each store, with security on: every
 * route's answers (shapes, 404/409/400 bodies, per-object bulk errors), every hidden type out of reach
 * through every route, and who may call what (anonymous, monitoring, viewer, admin).
 */
import { createHash } from 'crypto';
import { join } from 'path';
import { anonymousApi, api, basicAuthHeader, startOsdServer, TEST_PLUGINS_DIR, type OsdServer } from '../../../../../test/harness/osd_server';
import { stopSuite, storeModes } from '../../../../../test/harness/store_modes';

const VIEWER = { authorization: basicAuthHeader('so-viewer', 'viewer-password') };
const MONITOR = { authorization: basicAuthHeader('so-monitor', 'monitor-password') };
const LEDGER_SECRET = 'test-ledger-secret-value';
const notFound = (type: string, id: string) => ({ statusCode: 404, error: 'Not Found', message: `Saved object [${type}/${id}] not found` });
const conflict = (type: string, id: string) => ({ statusCode: 409, error: 'Conflict', message: `Saved object [${type}/${id}] conflict` });
const unsupported = (type: string) => ({ statusCode: 400, error: 'Bad Request', message: `Unsupported saved object type: '${type}': Bad Request` });
const idsOf = (body: any) => body.saved_objects.map((o: { id: string }) => o.id);

describe.each(storeModes('saved_objects_api'))('the saved objects API (%s store)', (mode) => {
  let server: OsdServer;
  /** Real ids of each hidden type: the admin user, an API key, a live session, the test plugin's ledger, the telemetry state. */
  const hidden: Array<[string, string]> = [];
  let sessionCookie = '';
  const so = (path: string, method = 'GET', body?: unknown, headers: Record<string, string> = {}) =>
    api(`${server.url}/api/saved_objects${path}`, method, body, headers);

  beforeAll(async () => {
    await mode.before();
    server = await startOsdServer({ pluginPaths: [join(TEST_PLUGINS_DIR, 'test_plugin')], args: mode.args() });
    for (const [name, password, roles] of [['so-viewer', 'viewer-password', ['viewer']], ['so-monitor', 'monitor-password', ['monitoring']]]) {
      expect((await api(`${server.url}/api/security/users/${name}`, 'PUT', { password, roles })).status).toBe(200);
    }
    const key = await api(`${server.url}/api/security/api_keys`, 'POST', { name: 'so-key', roles: ['viewer'] });
    const login = await anonymousApi(`${server.url}/api/security/login`, 'POST', { username: 'admin', password: 'harness-admin-password-1' });
    sessionCookie = login.headers.get('set-cookie')!.split(';')[0];
    const sessionId = createHash('sha256').update(sessionCookie.slice('osd_sid='.length)).digest('hex');
    // The opt-out writes the telemetry document (hidden: only the telemetry routes may change it).
    expect((await api(`${server.url}/api/telemetry/v2/optIn`, 'POST', { enabled: false })).status).toBe(200);
    hidden.push(['security-user', 'admin'], ['security-api-key', key.body.id], ['security-session', sessionId], ['test-ledger', 'entry-1'], ['telemetry', 'telemetry']);
  }, 240000);
  afterAll(() => stopSuite(mode, server));

  it('creates, reads, updates and deletes one object, with upstream answers', async () => {
    const created = await so('/test-thing/crud', 'POST', { attributes: { title: 'First', rank: 1 }, references: [{ name: 'n', type: 'test-note', id: 'n1' }] });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({
      id: 'crud', type: 'test-thing', namespaces: ['default'], attributes: { title: 'First', rank: 1 },
      references: [{ name: 'n', type: 'test-note', id: 'n1' }], updated_at: expect.stringMatching(/^[\d-]{10}T[\d:.]{12}Z$/), version: expect.any(String),
    });
    expect(await so('/test-thing/crud', 'POST', { attributes: { title: 'again' } })).toMatchObject({ status: 409, body: conflict('test-thing', 'crud') });
    expect((await so('/test-thing/crud?overwrite=true', 'POST', { attributes: { title: 'Second', rank: 2 } })).body.attributes).toEqual({ title: 'Second', rank: 2 });
    const generated = await so('/test-thing', 'POST', { attributes: { title: 'no id' } });
    expect(generated.body.id).toMatch(/^[0-9a-f-]{36}$/);

    const read = await so('/test-thing/crud');
    expect(read.body).toMatchObject({ id: 'crud', attributes: { title: 'Second', rank: 2 }, references: [] });
    const updated = await so('/test-thing/crud', 'PUT', { attributes: { title: 'Third' }, version: read.body.version });
    expect([updated.status, updated.body.attributes]).toEqual([200, { title: 'Third' }]);
    expect(await so('/test-thing/crud', 'PUT', { attributes: { title: 'stale' }, version: read.body.version })).toMatchObject({
      status: 409,
      body: conflict('test-thing', 'crud'),
    });
    expect((await so('/test-thing/crud', 'PUT', { attributes: { rank: 3 } })).status).toBe(200);
    expect((await so('/test-thing/crud')).body.attributes).toEqual({ title: 'Third', rank: 3 });
    expect(await so('/test-thing/missing', 'PUT', { attributes: {} })).toMatchObject({ status: 404, body: notFound('test-thing', 'missing') });

    expect(await so('/test-thing/crud', 'DELETE')).toMatchObject({ status: 200, body: {} });
    expect(await so('/test-thing/crud')).toMatchObject({ status: 404, body: notFound('test-thing', 'crud') });
    expect(await so('/test-thing/crud', 'DELETE')).toMatchObject({ status: 404, body: notFound('test-thing', 'crud') });
    // Every write leaves an audit line naming the caller, the path and the outcome.
    const audit = server.output().split('\n').filter((line) => line.includes('[plugins.security.audit]') && line.includes('"action":"saved_objects_write"'));
    expect(audit.filter((line) => line.includes('"user":"admin"') && line.includes('/api/saved_objects/test-thing/crud')).length).toBeGreaterThanOrEqual(7);
  });

  it('finds with paging, search, fields, sort and has_reference', async () => {
    const things = [['f1', 'findme alpha', 5, 'red'], ['f2', 'findme beta', 3, 'blue'], ['f3', 'findme alpha beta', 4, 'red'], ['f4', 'findme gamma', 1, 'blue'], ['f5', 'findme delta', 2, 'red']] as const;
    const created = await so('/_bulk_create', 'POST', [
      ...things.map(([id, title, rank, tag]) => ({ type: 'test-thing', id, attributes: { title, rank, tag }, references: rank > 3 ? [{ name: 'r', type: 'test-note', id: 'target' }] : [] })),
      { type: 'test-note', id: 'findme-note', attributes: { text: 'findme note' }, references: [{ name: 'r', type: 'test-note', id: 'target' }] },
    ]);
    expect(created.body.saved_objects.filter((o: any) => o.error)).toEqual([]);
    const find = async (query: string) => (await so(`/_find?type=test-thing&search=findme&search_fields=title&${query}`)).body;

    const first = await find('per_page=2&sort_field=rank');
    expect([first.page, first.per_page, first.total, idsOf(first)]).toEqual([1, 2, 5, ['f4', 'f5']]);
    expect(idsOf(await find('per_page=2&page=3&sort_field=rank'))).toEqual(['f1']);
    expect(await find('per_page=2&page=4&sort_field=rank')).toEqual({ page: 4, per_page: 2, total: 5, saved_objects: [] });
    expect(idsOf(await find('sort_field=rank&sort_order=desc'))).toEqual(['f1', 'f3', 'f2', 'f5', 'f4']);
    expect(idsOf(await find('sort_field=title&per_page=3'))).toEqual(['f1', 'f3', 'f2']);

    const alpha = await so('/_find?type=test-thing&search=alpha&search_fields=title&sort_field=rank');
    expect(idsOf(alpha.body)).toEqual(['f3', 'f1']);
    expect(idsOf((await so('/_find?type=test-thing&search=alpha%20beta&search_fields=title&default_search_operator=AND')).body)).toEqual(['f3']);

    const picked = (await find('fields=rank&sort_field=rank&per_page=1')).saved_objects[0];
    expect(picked).toMatchObject({ id: 'f4', type: 'test-thing', attributes: { rank: 1 }, namespaces: ['default'], version: expect.any(String) });
    expect(picked.attributes.title).toBeUndefined();

    const target = encodeURIComponent(JSON.stringify({ type: 'test-note', id: 'target' }));
    expect(idsOf((await so(`/_find?type=test-thing&type=test-note&has_reference=${target}&sort_field=id`)).body)).toEqual(['f1', 'f3', 'findme-note']);
    expect((await so(`/_find?type=test-thing&has_reference=${encodeURIComponent('{"type":"test-note","id":"other"}')}`)).body.total).toBe(0);
  });

  it('bulk gets found, missing, unknown and hidden objects, each answered on its own', async () => {
    await so('/test-thing/bg1', 'POST', { attributes: { title: 'bulk get', rank: 7 } });
    const res = await so('/_bulk_get', 'POST', [
      { type: 'test-thing', id: 'bg1', fields: ['rank'] },
      { type: 'test-thing', id: 'nope' },
      { type: 'no-such-type', id: 'x' },
      ...hidden.map(([type, id]) => ({ type, id })),
    ]);
    expect(res.status).toBe(200);
    expect(res.body.saved_objects).toEqual([
      expect.objectContaining({ id: 'bg1', type: 'test-thing', attributes: { rank: 7 } }),
      { id: 'nope', type: 'test-thing', error: notFound('test-thing', 'nope') },
      { id: 'x', type: 'no-such-type', error: unsupported('no-such-type') },
      ...hidden.map(([type, id]) => ({ id, type, error: unsupported(type) })),
    ]);
  });

  it('bulk creates with per-object conflicts, and replaces with ?overwrite=true', async () => {
    await so('/test-thing/bc1', 'POST', { attributes: { title: 'old' } });
    const objects = [
      { type: 'test-thing', id: 'bc1', attributes: { title: 'new' } },
      { type: 'test-thing', id: 'bc2', attributes: { title: 'fresh' } },
      { type: 'test-ledger', id: 'entry-1', attributes: { secret: 'mine now' } },
    ];
    const first = await so('/_bulk_create', 'POST', objects);
    expect(first.body.saved_objects).toEqual([
      { id: 'bc1', type: 'test-thing', error: conflict('test-thing', 'bc1') },
      expect.objectContaining({ id: 'bc2', attributes: { title: 'fresh' } }),
      { id: 'entry-1', type: 'test-ledger', error: unsupported('test-ledger') },
    ]);
    const second = await so('/_bulk_create?overwrite=true', 'POST', objects);
    expect(second.body.saved_objects.map((o: any) => o.error?.statusCode ?? o.attributes.title)).toEqual(['new', 'fresh', 400]);
    expect((await so('/test-thing/bc1')).body.attributes).toEqual({ title: 'new' });
  });

  it('bulk updates: applied, stale, missing and hidden objects each answered on its own', async () => {
    const { version } = (await so('/test-thing/bu1', 'POST', { attributes: { title: 'a', rank: 1 } })).body;
    const res = await so('/_bulk_update', 'PUT', [
      { type: 'test-thing', id: 'bu1', attributes: { title: 'b' }, version },
      { type: 'test-thing', id: 'bu1', attributes: { title: 'c' }, version },
      { type: 'test-thing', id: 'absent', attributes: {} },
      { type: 'security-user', id: 'admin', attributes: { roles: ['viewer'] } },
    ]);
    expect(res.body.saved_objects).toEqual([
      expect.objectContaining({ id: 'bu1', type: 'test-thing', attributes: { title: 'b' }, version: expect.any(String) }),
      { id: 'bu1', type: 'test-thing', error: conflict('test-thing', 'bu1') },
      { id: 'absent', type: 'test-thing', error: notFound('test-thing', 'absent') },
      { id: 'admin', type: 'security-user', error: notFound('security-user', 'admin') },
    ]);
    expect((await so('/test-thing/bu1')).body.attributes).toEqual({ title: 'b', rank: 1 });
  });

  it('keeps every hidden type out of reach of every route, answering exactly as for an unknown type', async () => {
    // Each answer with the type's name replaced must equal the answer for a type that does not exist.
    const probe = async (type: string, id: string) => {
      const answers = [
        await so(`/${type}/${id}`),
        await so(`/${type}/${id}`, 'POST', { attributes: { title: 'x' } }),
        await so(`/${type}/${id}?overwrite=true`, 'POST', { attributes: { title: 'x' } }),
        await so(`/${type}`, 'POST', { attributes: { title: 'x' } }),
        await so(`/${type}/${id}`, 'PUT', { attributes: { roles: ['viewer'] } }),
        await so(`/${type}/${id}`, 'DELETE'),
        await so(`/_find?type=${type}`),
        await so(`/_find?type=${type}&search=admin&fields=password_hash&sort_field=title`),
        await so(`/_bulk_get`, 'POST', [{ type, id }]),
        await so(`/_bulk_create?overwrite=true`, 'POST', [{ type, id, attributes: {} }]),
        await so(`/_bulk_update`, 'PUT', [{ type, id, attributes: {} }]),
      ];
      return answers.map((a) => `${a.status} ${a.text.split(type).join('<type>').split(id).join('<id>')}`);
    };
    // Upstream's answers for a type the client may not use: 404 for one object, 400 to create, empty finds, bulk entries.
    const statuses = (await probe('no-such-type', 'x')).map((answer) => Number(answer.split(' ')[0]));
    expect(statuses).toEqual([404, 400, 400, 400, 404, 404, 200, 200, 200, 200, 200]);
    for (const [type, id] of hidden) {
      // (When the id is the type's name, as the telemetry document's, the unknown type's probe does the same.)
      expect([type, await probe(type, id)]).toEqual([type, await probe('no-such-type', id === type ? 'no-such-type' : id)]);
      // Asking for it among visible types returns the visible objects only.
      const mixed = await so(`/_find?type=${type}&type=test-thing&per_page=1000`);
      expect(mixed.body.saved_objects.map((o: any) => o.type)).toEqual(mixed.body.saved_objects.map(() => 'test-thing'));
      const ref = encodeURIComponent(JSON.stringify({ type, id }));
      expect((await so(`/_find?type=test-thing&type=${type}&has_reference=${ref}`)).body.total).toBe(0);
    }
    // Nothing was changed: admin, its session and the API key still work; the ledger still holds its secret.
    expect((await api(`${server.url}/api/security/me`)).body.roles).toEqual(['admin']);
    expect((await anonymousApi(`${server.url}/api/security/me`, 'GET', undefined, { cookie: sessionCookie })).status).toBe(200);
    expect((await api(`${server.url}/api/security/api_keys`)).body.api_keys.map((k: any) => k.name)).toContain('so-key');
    expect((await api(`${server.url}/api/telemetry/v2/state`)).body.optIn).toBe(false);
    if (mode.name === 'opensearch') {
      expect((await mode.search('test-ledger')).map((hit) => hit._source['test-ledger'].secret)).toEqual([LEDGER_SECRET]);
    }
  });


  // [method, path, a valid body, an invalid request to the same route and the field its 400 names, read or write].
  type BadInput = [string, unknown, string] | null;
  const LONG_ID = 'x'.repeat(257);
  const ROUTES: Array<[string, string, unknown, BadInput, 'read' | 'write']> = [
    ['GET', '/test-thing/auth', undefined, [`/test-thing/${LONG_ID}`, undefined, '[request params.id]'], 'read'],
    ['GET', '/_find?type=test-thing', undefined, ['/_find?type=test-thing&per_page=1001', undefined, '[request query.per_page]'], 'read'],
    ['POST', '/_bulk_get', [{ type: 'test-thing', id: 'auth' }], ['/_bulk_get', [{ type: 'test-thing' }], '[request body.0.id]'], 'read'],
    ['POST', '/test-thing/auth2', { attributes: { title: 'x' } }, ['/test-thing/auth2', { attributes: 'x' }, '[request body.attributes]'], 'write'],
    ['POST', '/test-thing', { attributes: { title: 'x' } }, ['/test-thing', { attributes: {}, references: [{ id: 'i' }] }, '[request body.references.0.name]'], 'write'],
    ['PUT', '/test-thing/auth', { attributes: { rank: 2 } }, ['/test-thing/auth', { attributes: {}, version: 'nope' }, '[request body.version]: Invalid version [nope]'], 'write'],
    ['DELETE', '/test-thing/auth3', undefined, [`/test-thing/${LONG_ID}`, undefined, '[request params.id]'], 'write'],
    ['POST', '/_bulk_create', [{ type: 'test-thing', attributes: {} }], ['/_bulk_create?overwrite=yes', [], '[request query.overwrite]'], 'write'],
    ['PUT', '/_bulk_update', [{ type: 'test-thing', id: 'auth', attributes: {} }], ['/_bulk_update', Array.from({ length: 1001 }, () => ({ type: 'test-thing', id: 'a', attributes: {} })), '[request body]: array size is [1001]'], 'write'],
  ];

  it.each(ROUTES)('%s %s: anonymous 401, monitoring 403, viewer reads only, bad input 400 naming the field', async (method, path, body, badInput, kind) => {
    await so('/test-thing/auth?overwrite=true', 'POST', { attributes: { title: 'auth' } });
    await so('/test-thing/auth3?overwrite=true', 'POST', { attributes: { title: 'auth' } });
    const anonymous = await anonymousApi(`${server.url}/api/saved_objects${path}`, method, body);
    expect([anonymous.status, anonymous.body.message]).toEqual([401, '[security] missing credentials']);
    const monitor = await so(path, method, body, MONITOR);
    expect([monitor.status, monitor.body.message]).toEqual([403, `Forbidden: missing privilege [saved_objects:${kind}]`]);
    const viewer = await so(path, method, body, VIEWER);
    if (kind === 'read') expect(viewer.status).toBe(200);
    else expect([viewer.status, viewer.body.message]).toEqual([403, 'Forbidden: missing privilege [saved_objects:write]']);
    expect((await so(path, method, body)).status).toBe(200);
    if (badInput) {
      const [badPath, badBody, field] = badInput;
      const bad = await so(badPath, method, badBody);
      expect([bad.status, bad.body.message]).toEqual([400, expect.stringContaining(field)]);
    }
  });
});

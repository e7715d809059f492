/*
 * The report ledger on real servers, on each store, against local receivers: what the receiver got is the
 * ledger entry byte for byte (plain, and the plaintext of a JWE), retention, diff, export (plain and
 * encrypted), generate-only mode sending nothing, `_send` refused while not opted in, failed sends, and
 * who may call the routes.
 */
import { createHash } from 'crypto';
import { compactDecrypt, exportJWK, generateKeyPair } from 'jose';
import { ADMIN_AUTH_HEADERS, anonymousApi, api, basicAuthHeader, type OsdServer } from '../../../../../test/harness/osd_server';
import { startReceiver, type Receiver } from '../../../../../test/receiver';
import { storeModes } from '../../../../../test/harness/store_modes';
import { argsWithOwnIndex, countStoredObjects, deleteOwnIndices, sleep, startTelemetryServer, waitForRequests } from './helpers';

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(typeof data === 'string' ? Buffer.from(data, 'utf8') : data).digest('hex');
const reportsUrl = (server: OsdServer, path = '') => `${server.url}/api/telemetry/v2/reports${path}`;

/** The ledger's entries once it holds at least `count` (a report is recorded right after its post ends). */
async function waitForLedger(server: OsdServer, count: number, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await api(reportsUrl(server));
    if (body.reports.length >= count) return body.reports;
    if (Date.now() > deadline) throw new Error(`the ledger holds ${body.reports.length} report(s), expected ${count}`);
    await sleep(200);
  }
}

/** `POST _export` as the harness admin: the answer's headers and its parsed body. */
async function exportReports(server: OsdServer, body: unknown = {}) {
  const res = await fetch(reportsUrl(server, '/_export'), {
    method: 'POST',
    headers: { ...ADMIN_AUTH_HEADERS, 'osd-xsrf': 'test', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: JSON.parse(await res.text()) };
}

describe.each(storeModes('telemetry_ledger'))('telemetry report ledger (%s store)', (mode) => {
  const receivers: Record<'plain' | 'keyed' | 'kept', Receiver> = {} as any;
  const servers: Partial<Record<'plain' | 'keyed' | 'kept', OsdServer>> = {};
  let privateKey: CryptoKey;
  beforeAll(async () => {
    await mode.before();
    const pair = await generateKeyPair('RSA-OAEP-256', { extractable: true });
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'ledger-key-1' };
    for (const name of ['plain', 'keyed', 'kept'] as const) receivers[name] = await startReceiver();
    const [plain, keyed, kept] = await Promise.all([
      startTelemetryServer({ receiver: receivers.plain, telemetry: { optIn: true, reportInterval: '1h', 'history.maxReports': '3' }, args: argsWithOwnIndex(mode, 'plain') }),
      startTelemetryServer({ receiver: receivers.keyed, telemetry: { optIn: true }, yaml: `telemetry.encryptionKey: '${JSON.stringify(jwk)}'\n`, args: argsWithOwnIndex(mode, 'keyed') }),
      startTelemetryServer({ receiver: receivers.kept, telemetry: { optIn: true, reportInterval: '1h', generateOnly: true }, args: argsWithOwnIndex(mode, 'kept') }),
    ]);
    Object.assign(servers, { plain, keyed, kept });
  }, 240000);
  afterAll(async () => {
    await Promise.all(Object.values(servers).map(async (s) => (await s!.stop(), s!.cleanup())));
    await Promise.all(Object.values(receivers).map((r) => r?.stop()));
    await deleteOwnIndices(mode, ['plain', 'keyed', 'kept']);
    await mode.after();
  });

  it('keeps each report: its sha256 and size are those of the bytes the receiver got, and it answers them back', async () => {
    const server = servers.plain!;
    const [sent] = await waitForRequests(receivers.plain, '/send', 1, 60000);
    const [entry] = await waitForLedger(server, 1);
    expect(entry).toEqual({
      id: expect.stringMatching(/^[a-z0-9]+-[0-9a-f]{8}$/),
      generatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      status: 'sent',
      level: 'full',
      destination: `${receivers.plain.url}/send`,
      sizeBytes: Buffer.byteLength(sent.body),
      sha256: sha256(sent.body),
      clusterUuid: JSON.parse(sent.body).cluster_uuid,
      encrypted: false,
      trigger: 'schedule',
    });
    const shown = await api(reportsUrl(server, `/${entry.id}`));
    expect(shown.status).toBe(200);
    expect(shown.headers.get('content-type')).toMatch(/^application\/json/);
    expect(shown.text).toBe(sent.body);
    expect((await api(reportsUrl(server, `/${entry.id}/_diff`))).body).toEqual({ id: entry.id, against: null, changes: [], truncated: false, maxChanges: 1000 });
  });

  it('sends one now on request, keeps the newest maxReports (3), and diffs each against the one before', async () => {
    const server = servers.plain!;
    await waitForLedger(server, 1);
    const before = receivers.plain.requestsTo('/send').length;
    const entries = [];
    for (let i = 0; i < 4; i++) {
      const res = await api(reportsUrl(server, '/_send'), 'POST');
      expect([res.status, res.body.reports.length]).toEqual([200, 1]);
      entries.push(res.body.reports[0]);
    }
    const bodies = receivers.plain.requestsTo('/send').slice(before).map((r) => r.body);
    expect(bodies).toHaveLength(4);
    expect(entries.map((e) => [e.status, e.trigger, e.sha256])).toEqual(bodies.map((body) => ['sent', 'manual', sha256(body)]));

    const { reports } = (await api(reportsUrl(server))).body;
    expect(reports.map((e: { id: string }) => e.id)).toEqual([entries[3].id, entries[2].id, entries[1].id]);
    expect((await api(reportsUrl(server, `/${entries[0].id}`))).status).toBe(404);
    expect(await countStoredObjects(mode, server, 'telemetry-report', 'plain')).toBe(3);
    expect(await countStoredObjects(mode, server, 'telemetry-report-payload', 'plain')).toBe(3);

    const diff = (await api(reportsUrl(server, `/${entries[3].id}/_diff`))).body;
    expect(diff).toMatchObject({ id: entries[3].id, against: entries[2].id, truncated: false });
    expect(diff.changes).toContainEqual({ path: '/timestamp', kind: 'changed', before: JSON.parse(bodies[2]).timestamp, after: JSON.parse(bodies[3]).timestamp });
    // The oldest one kept: its predecessor was dropped, so there is nothing to compare with.
    expect((await api(reportsUrl(server, `/${entries[1].id}/_diff`))).body).toMatchObject({ against: null, changes: [] });
  });

  it('records a send the receiver refuses as failed, answering 502 with the entry', async () => {
    const server = servers.plain!;
    await receivers.plain.setMode('500');
    try {
      const res = await api(reportsUrl(server, '/_send'), 'POST');
      expect(res.status).toBe(502);
      expect(res.body.message).toBe(`The telemetry report was not delivered: ${receivers.plain.url}/send answered HTTP 500`);
      const [failed] = res.body.attributes.reports;
      expect(failed).toMatchObject({ status: 'failed', error: `${receivers.plain.url}/send answered HTTP 500`, trigger: 'manual' });
      const got = receivers.plain.requestsTo('/send').at(-1)!;
      expect(failed.sha256).toBe(sha256(got.body));
      expect((await api(reportsUrl(server))).body.reports[0]).toEqual(failed);
    } finally {
      await receivers.plain.setMode('ok');
    }
  });

  it('exports every report kept, or the ones named, as a download with each payload as sent', async () => {
    const server = servers.plain!;
    const { reports } = (await api(reportsUrl(server))).body;
    const all = await exportReports(server);
    expect(all.status).toBe(200);
    expect(all.headers.get('content-disposition')).toMatch(/^attachment; filename="osd-telemetry-export-\d{8}T\d{6}Z\.json"$/);
    expect(all.headers.get('content-type')).toMatch(/^application\/json/);
    expect(all.body).toMatchObject({ format: 'osd-telemetry-export', version: 1, exportedAt: expect.any(String) });
    expect(all.body.reports.map((r: any) => r.id)).toEqual(reports.map((r: any) => r.id));
    for (const item of all.body.reports) {
      expect(item.payloadEncoding).toBe('json');
      expect(sha256(item.payload)).toBe(item.sha256);
      expect(item.payload).toBe((await api(reportsUrl(server, `/${item.id}`))).text);
    }
    const one = await exportReports(server, { ids: [reports[1].id] });
    expect(one.body.reports.map((r: any) => r.id)).toEqual([reports[1].id]);
  });

  it('refuses bad input with a 400 naming the field, and unknown ids with a 404', async () => {
    const server = servers.plain!;
    const badIds = await api(reportsUrl(server, '/_export'), 'POST', { ids: 'x' });
    expect([badIds.status, badIds.body.message]).toEqual([400, expect.stringContaining('[request body.ids]')]);
    const notStrings = await api(reportsUrl(server, '/_export'), 'POST', { ids: [1] });
    expect([notStrings.status, notStrings.body.message]).toEqual([400, '[request body.ids.0]: expected value of type [string] but got [number]']);
    const unknownExport = await api(reportsUrl(server, '/_export'), 'POST', { ids: ['no-such-report'] });
    expect([unknownExport.status, unknownExport.body.message]).toEqual([404, 'Telemetry report [no-such-report] not found']);
    const badId = await api(reportsUrl(server, '/Bad_Id'));
    expect([badId.status, badId.body.message]).toEqual([400, expect.stringContaining('[request params.id]: must be a report id')]);
    expect((await api(reportsUrl(server, '/no-such-report'))).status).toBe(404);
    expect((await api(reportsUrl(server, '/no-such-report/_diff'))).status).toBe(404);
  });

  it('lets only the telemetry admin in: anonymous 401, a viewer 403 naming telemetry:reports', async () => {
    const server = servers.plain!;
    expect((await api(`${server.url}/api/security/users/ledger-viewer`, 'PUT', { password: 'viewer-password', roles: ['viewer'] })).status).toBe(200);
    const viewer = { authorization: basicAuthHeader('ledger-viewer', 'viewer-password') };
    const routes: Array<[string, string, unknown?]> = [
      ['GET', ''],
      ['GET', '/some-id'],
      ['GET', '/some-id/_diff'],
      ['POST', '/_send'],
      ['POST', '/_export', {}],
    ];
    const sentBefore = receivers.plain.requestsTo('/send').length;
    for (const [method, path, body] of routes) {
      const anonymous = await anonymousApi(reportsUrl(server, path), method, body);
      expect([path, anonymous.status]).toEqual([path, 401]);
      const asViewer = await api(reportsUrl(server, path), method, body, viewer);
      expect([path, asViewer.status, asViewer.body.message]).toEqual([path, 403, 'Forbidden: missing privilege [telemetry:reports]']);
    }
    expect(receivers.plain.requestsTo('/send')).toHaveLength(sentBefore);
  });

  it('refuses to send while not opted in: 400, nothing built, sent or kept', async () => {
    const server = servers.plain!;
    expect((await api(`${server.url}/api/telemetry/v2/optIn`, 'POST', { enabled: false })).status).toBe(200);
    const sent = receivers.plain.requestsTo('/send').length;
    const kept = (await api(reportsUrl(server))).body.reports;
    const res = await api(reportsUrl(server, '/_send'), 'POST');
    expect([res.status, res.body.message]).toEqual([400, 'Telemetry is not opted in: no report is generated or sent. Opt in first (POST /api/telemetry/v2/optIn).']);
    expect(receivers.plain.requestsTo('/send')).toHaveLength(sent);
    expect((await api(reportsUrl(server))).body.reports).toEqual(kept);
  });

  it('with an encryption key: the receiver gets a JWE of exactly the bytes kept, and the export is encrypted to the key', async () => {
    const server = servers.keyed!;
    const [sent] = await waitForRequests(receivers.keyed, '/send', 1, 60000);
    expect(sent.headers['content-type']).toBe('application/jose');
    const { plaintext } = await compactDecrypt(sent.body, privateKey);
    const [entry] = await waitForLedger(server, 1);
    expect(entry).toMatchObject({ status: 'sent', encrypted: true, sha256: sha256(plaintext), sizeBytes: plaintext.length });
    const shown = await api(reportsUrl(server, `/${entry.id}`));
    expect(sha256(shown.text)).toBe(entry.sha256);

    const exported = await exportReports(server);
    expect(exported.body.reports).toHaveLength(1);
    const [item] = exported.body.reports;
    expect(item).toMatchObject({ id: entry.id, payloadEncoding: 'jwe', kid: 'ledger-key-1', sha256: entry.sha256 });
    expect(sha256((await compactDecrypt(item.payload, privateKey)).plaintext)).toBe(entry.sha256);
  });

  it('generate-only: reports are built on the schedule and on request and kept as generated; nothing leaves the server', async () => {
    const server = servers.kept!;
    const [scheduled] = await waitForLedger(server, 1);
    expect(scheduled).toMatchObject({ status: 'generated', destination: null, encrypted: false, trigger: 'schedule' });
    const res = await api(reportsUrl(server, '/_send'), 'POST');
    expect([res.status, res.body.reports[0].status]).toEqual([200, 'generated']);
    // An opt-in is not announced either, and no browser may send instead.
    expect((await api(`${server.url}/api/telemetry/v2/optIn`, 'POST', { enabled: false })).status).toBe(200);
    expect((await api(`${server.url}/api/telemetry/v2/optIn`, 'POST', { enabled: true, level: 'operational' })).status).toBe(200);
    expect((await api(`${server.url}/api/telemetry/v2/state`)).body).toMatchObject({ optIn: true, level: 'operational', sendUsageFrom: 'server' });
    await sleep(3000);
    expect(receivers.kept.requests).toHaveLength(0);
    const exported = await exportReports(server);
    expect(exported.body.reports.map((r: any) => [r.status, r.payloadEncoding, sha256(r.payload) === r.sha256])).toEqual([
      ['generated', 'json', true],
      ['generated', 'json', true],
    ]);
  });
});

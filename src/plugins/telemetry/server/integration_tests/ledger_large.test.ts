/*
 * The ledger at its default size with large reports, on each store: 30 reports of more than 1 MB each
 * (a fixture collector makes them so, different every time). Storing, listing, showing, diffing and
 * exporting must all work and stay quick, and listing must not read the payloads.
 */
import { createHash } from 'crypto';
import { join } from 'path';
import { ADMIN_AUTH_HEADERS, api, type OsdServer } from '../../../../../test/harness/osd_server';
import { startReceiver, type Receiver } from '../../../../../test/receiver';
import { storeModes } from '../../../../../test/harness/store_modes';
import { countStoredObjects, startTelemetryServer, stopTelemetrySuite, timed } from './helpers';

const BIG_REPORT_PLUGIN = join(__dirname, 'fixtures', 'big_report_plugin');
const MB = 1024 * 1024;
const MAX_REPORTS = 30;
const sha256 = (text: string) => createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');

describe.each(storeModes('telemetry_ledger_large'))('telemetry report ledger with 30 reports of 1 MB (%s store)', (mode) => {
  let receiver: Receiver;
  let server: OsdServer;
  const url = (path = '') => `${server.url}/api/telemetry/v2/reports${path}`;
  beforeAll(async () => {
    await mode.before();
    receiver = await startReceiver();
    // No scheduled report during the suite: every report is asked for.
    server = await startTelemetryServer({
      receiver,
      telemetry: { optIn: true, initialCheckDelay: '24d', 'history.maxReports': String(MAX_REPORTS) },
      args: mode.args(),
      pluginPaths: [BIG_REPORT_PLUGIN],
    });
  }, 240000);
  afterAll(() => stopTelemetrySuite(mode, server, receiver));

  it('stores, lists, shows, diffs and exports them, keeping the newest 30', async () => {
    const sends: number[] = [];
    const ids: string[] = [];
    for (let i = 0; i <= MAX_REPORTS; i++) {
      const { ms, result } = await timed(() => api(url('/_send'), 'POST'));
      expect(result.status).toBe(200);
      sends.push(ms);
      ids.push(result.body.reports[0].id);
    }
    const sent = receiver.requestsTo('/send');
    expect(sent).toHaveLength(MAX_REPORTS + 1);
    expect(Buffer.byteLength(sent[0].body)).toBeGreaterThan(MB);

    // Listing reads no payload: quick, and small.
    const listed = await timed(() => api(url()));
    const { reports } = listed.result.body;
    expect(reports.map((r: { id: string }) => r.id)).toEqual(ids.slice(1).reverse());
    expect(reports.every((r: { sizeBytes: number }) => r.sizeBytes > MB)).toBe(true);
    expect(listed.result.text.length).toBeLessThan(30 * 1024);
    expect(listed.ms).toBeLessThan(2000);
    expect((await api(url(`/${ids[0]}`))).status).toBe(404);
    expect(await countStoredObjects(mode, server, 'telemetry-report')).toBe(MAX_REPORTS);
    expect(await countStoredObjects(mode, server, 'telemetry-report-payload')).toBe(MAX_REPORTS);

    // The newest, byte for byte what the receiver got.
    const shown = await api(url(`/${ids[MAX_REPORTS]}`));
    expect(shown.text).toBe(sent[MAX_REPORTS].body);
    expect(sha256(shown.text)).toBe(reports[0].sha256);

    // Every value of the fixture moved: the diff stops at its limit, quickly, and stays small.
    const diff = await timed(() => api(url(`/${ids[MAX_REPORTS]}/_diff`)));
    expect(diff.result.body).toMatchObject({ against: ids[MAX_REPORTS - 1], truncated: true, maxChanges: 1000 });
    expect(diff.result.body.changes).toHaveLength(1000);
    expect(diff.result.text.length).toBeLessThan(300 * 1024);
    expect(diff.ms).toBeLessThan(3000);

    // The whole ledger as one download of more than 30 MB, every payload intact.
    const exported = await timed(async () => {
      const res = await fetch(url('/_export'), { method: 'POST', headers: { ...ADMIN_AUTH_HEADERS, 'osd-xsrf': 'test', 'content-type': 'application/json' }, body: '{}' });
      return { status: res.status, text: await res.text() };
    });
    expect(exported.result.status).toBe(200);
    expect(exported.result.text.length).toBeGreaterThan(MAX_REPORTS * MB);
    const file = JSON.parse(exported.result.text);
    expect(file.reports).toHaveLength(MAX_REPORTS);
    for (const item of file.reports) expect(sha256(item.payload)).toBe(item.sha256);

    if (mode.name === 'opensearch') {
      // The payload is kept in _source only: a disabled object field, never indexed.
      const mapping = await (await fetch(`${mode.node!.url}/${mode.index}/_mapping`)).json();
      expect(mapping[mode.index].mappings.properties['telemetry-report-payload'].properties.body).toEqual({ type: 'object', enabled: false });
    }
    process.stdout.write(
      `[ledger_large ${mode.name}] send ms: median ${[...sends].sort((a, b) => a - b)[sends.length >> 1]}, max ${Math.max(...sends)}; ` +
        `list ${listed.ms} ms; diff ${diff.ms} ms; export ${exported.ms} ms (${(exported.result.text.length / MB).toFixed(1)} MB)\n`
    );
  }, 600000);
});

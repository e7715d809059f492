/*
 * The server sender against a local receiver, with real servers: what arrives, how often, and what never
 * leaves. Timings are at their minimums (FAST_TIMINGS: first check 1 s, one report a minute, a pause of a
 * minute after 3 failures). A report interval is not waited for: the suites move the stored times back
 * (`rewindTelemetryState`) and the servers see it at their next look (within 10 s); the failure pause is
 * waited for, once per store.
 */
import { compactDecrypt, decodeProtectedHeader, exportJWK, generateKeyPair } from 'jose';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { api, type OsdServer } from '../../../../../test/harness/osd_server';
import { startReceiver, type Receiver } from '../../../../../test/receiver';
import { storeModes } from '../../../../../test/harness/store_modes';
import {
  CHECK_INTERVAL_MS,
  gaps,
  linesWith,
  perTestResources,
  readTelemetrySavedObject,
  readTelemetryState,
  rewindTelemetryState,
  sleep,
  startTelemetryServer,
  timed,
  waitForLines,
  waitForRequests,
} from './helpers';

const VERSION = require('../../../../../package.json').version as string;

describe('telemetry server sender', () => {
  const servers: OsdServer[] = [];
  const receivers: Receiver[] = [];
  const track = <T extends OsdServer | Receiver>(list: T[], item: T) => (list.push(item), item);
  afterEach(async () => {
    await Promise.all(servers.splice(0).map(async (s) => (await s.stop(), s.cleanup())));
    await Promise.all(receivers.splice(0).map((r) => r.stop()));
  });

  it('encrypts each report to telemetry.encryptionKey (JWE, RSA-OAEP-256 + A256GCM, kid in the header)', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RSA-OAEP-256', { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid: 'receiver-key-1' };
    const receiver = track(receivers, await startReceiver());
    const server = track(
      servers,
      await startTelemetryServer({ receiver, telemetry: { optIn: true }, yaml: `telemetry.encryptionKey: '${JSON.stringify(jwk)}'\n` })
    );
    const [sent] = await waitForRequests(receiver, '/send', 1);
    expect(sent.headers['content-type']).toBe('application/jose');
    expect(decodeProtectedHeader(sent.body)).toMatchObject({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: 'receiver-key-1' });
    const { plaintext } = await compactDecrypt(sent.body, privateKey);
    const report = JSON.parse(new TextDecoder().decode(plaintext));
    expect(report).toMatchObject({ collection: 'local', stack_stats: { opensearch_dashboards: { plugins: { telemetry: { opt_in_status: true } } } } });

    // The admin still gets the plain report on request; the sendable one is encrypted.
    const plain = await api(`${server.url}/api/telemetry/v2/clusters/_stats`, 'POST', { unencrypted: true });
    expect(plain.body[0].cluster_uuid).toBe(report.cluster_uuid);
    const sealed = await api(`${server.url}/api/telemetry/v2/clusters/_stats`, 'POST', { unencrypted: false });
    expect(sealed.body).toEqual([expect.stringMatching(/^[\w-]+\.[\w-]*\.[\w-]+\.[\w-]+\.[\w-]+$/)]);
  });

  it('sends nothing while opted out, undecided, disabled, under DO_NOT_TRACK / OSD_TELEMETRY_DISABLED, or in debug mode', async () => {
    const receiver = track(receivers, await startReceiver());
    const fast = { initialCheckDelay: '1s', reportInterval: '1m', checkInterval: '10s' };
    const cases = {
      optedOut: { telemetry: { ...fast, optIn: false } },
      undecided: { telemetry: { ...fast } },
      disabled: { telemetry: { ...fast, optIn: true, enabled: false } },
      doNotTrack: { telemetry: { ...fast, optIn: true, allowChangingOptInStatus: false }, env: { DO_NOT_TRACK: '1' } },
      osdDisabled: { telemetry: { ...fast, optIn: true }, env: { OSD_TELEMETRY_DISABLED: '1' } },
      debug: { telemetry: { ...fast, optIn: true }, env: { OSD_TELEMETRY_DEBUG: '1' } },
    };
    const started = await Promise.all(
      Object.entries(cases).map(async ([name, options]) => {
        const server = track(servers, await startTelemetryServer({ receiver, sendPath: `/send/${name}`, ...options }));
        return [name, server] as const;
      })
    );
    const byName = Object.fromEntries(started);

    // The environment opt-out wins over a config locked on, and cannot be changed through the API.
    const locked = await api(`${byName.doNotTrack.url}/api/telemetry/v2/optIn`, 'POST', { enabled: true });
    expect(locked.status).toBe(400);
    expect(locked.body.message).toContain('Not allowed to change Opt-in Status.');
    expect((await api(`${byName.osdDisabled.url}/api/telemetry/v2/clusters/_stats`, 'POST', {})).body).toEqual([]);
    expect((await api(`${byName.undecided.url}/api/telemetry/v2/clusters/_stats`, 'POST', {})).body).toEqual([]);
    expect((await api(`${byName.disabled.url}/api/telemetry/v2/optIn`, 'POST', { enabled: true })).status).toBe(404);

    await sleep(5000);
    expect(receiver.requests).toEqual([]);
    expect(linesWith(byName.doNotTrack, 'Telemetry is off: DO_NOT_TRACK is set')).toHaveLength(1);
    expect(linesWith(byName.undecided, 'Telemetry is not decided yet: nothing is sent until an admin opts in')).toHaveLength(1);
    // Logged once, and the schedule kept as if it was sent: no second one within the interval.
    expect(linesWith(byName.debug, '[OSD_TELEMETRY_DEBUG] report that would be sent to')).toHaveLength(1);
    expect(readTelemetrySavedObject(byName.undecided.dataPath)).toBeUndefined();
  });

  it('a hanging then refusing receiver: the API stays fast, the timeout and the refusal count as failures', async () => {
    const receiver = track(receivers, await startReceiver({ mode: 'hang' }));
    const server = track(servers, await startTelemetryServer({ receiver, telemetry: { requestTimeout: '2s' } }));

    // Opting in through the API: the announcement to optInStatusUrl hangs, the route does not wait for it.
    const optIn = await timed(() => api(`${server.url}/api/telemetry/v2/optIn`, 'POST', { enabled: true }));
    expect(optIn.result.status).toBe(200);
    expect(optIn.ms).toBeLessThan(1500);
    const [announcement] = await waitForRequests(receiver, '/opt_in_status', 1);
    expect(JSON.parse(announcement.body)).toEqual([{ cluster_uuid: expect.any(String), opt_in_status: true }]);

    await waitForRequests(receiver, '/send', 1);
    for (let i = 0; i < 5; i++) {
      const status = await timed(() => api(`${server.url}/api/status`));
      expect(status.result.status).toBe(200);
      expect(status.ms).toBeLessThan(1000);
    }
    const failures = async (count: number) => {
      const deadline = Date.now() + 10000;
      while ((readTelemetrySavedObject(server.dataPath)?.reportFailureCount ?? 0) < count && Date.now() < deadline) await sleep(100);
      expect(readTelemetrySavedObject(server.dataPath)).toMatchObject({ reportFailureCount: count });
    };
    await failures(1);
    // Only now: closing the port would also cut the hanging request short.
    await receiver.setMode('refuse');
    await failures(2);
    expect(linesWith(server, 'Failed to send the telemetry report')[0]).toContain('within 2000 ms');
    expect(linesWith(server, 'Failed to send the telemetry report')[1]).toContain('ECONNREFUSED');
    expect(linesWith(server, 'Failed to notify')).toHaveLength(1);
  });
});

describe.each(storeModes('telemetry_sender'))('telemetry server sender (%s store)', (mode) => {
  const { servers, receivers, track } = perTestResources(mode);

  it('opted in by config: one report per interval, with the sample shape and the headers', async () => {
    const receiver = track(receivers, await startReceiver());
    const server = track(servers, await startTelemetryServer({ receiver, telemetry: { optIn: true }, args: mode.args() }));
    const uuid = (await api(`${server.url}/api/status`)).body.uuid;

    const reports = await waitForRequests(receiver, '/send', 1, 20000);
    // Not one a second (as `reportInterval: 0` did): the next is a report interval away.
    await sleep(5000);
    expect(receiver.requestsTo('/send')).toHaveLength(1);
    // An interval (plus the largest jitter) later, as the store sees it: the next look sends the next report.
    const rewoundAt = Date.now();
    await rewindTelemetryState(mode, server, 65000);
    const [, second] = await waitForRequests(receiver, '/send', 2, CHECK_INTERVAL_MS + 5000);
    expect(second.receivedAt - rewoundAt).toBeLessThan(CHECK_INTERVAL_MS + 5000);
    await sleep(3000);
    expect(receiver.requestsTo('/send')).toHaveLength(2);
    const [first] = reports;
    expect(first.method).toBe('POST');
    expect(first.headers).toMatchObject({
      'content-type': 'application/json',
      'osd-version': VERSION,
      'osd-telemetry-version': 'v2',
      'osd-telemetry-channel': 'snapshot',
    });
    const report = JSON.parse(first.body);
    if (mode.name === 'embedded') {
      // No cluster: the server's uuid stands for the cluster's, the name is fixed (never the host name), and
      // there are no cluster_stats.
      expect(report).toEqual({
        timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        cluster_uuid: uuid,
        cluster_name: 'embedded',
        version: VERSION,
        collection: 'local',
        collectionSource: 'local',
        stack_stats: { opensearch_dashboards: expect.any(Object) },
      });
    } else {
      // On a node: the real cluster's uuid, name and version, and its cluster_stats with the nodes' usage.
      expect(report).toEqual({
        timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        cluster_uuid: mode.cluster!.uuid,
        cluster_name: mode.cluster!.name,
        version: '2.19.6',
        collection: 'local',
        collectionSource: 'local',
        cluster_stats: expect.any(Object),
        stack_stats: { opensearch_dashboards: expect.any(Object) },
      });
      expect(report.cluster_stats).toMatchObject({ cluster_uuid: mode.cluster!.uuid, status: expect.stringMatching(/green|yellow/), indices: { count: expect.any(Number) } });
      expect(report.cluster_stats.nodes.count.total).toBe(1);
      expect(report.cluster_stats.nodes.usage.nodes).toEqual([expect.objectContaining({ node_id: expect.any(String), rest_actions: expect.any(Object) })]);
      expect(report.cluster_stats).not.toHaveProperty('_nodes');
      expect(report.cluster_stats).not.toHaveProperty('cluster_name');
    }
    const osd = report.stack_stats.opensearch_dashboards;
    expect(osd).toMatchObject({
      count: 1,
      indices: 1,
      os: { platforms: [{ platform: process.platform, count: 1 }] },
      versions: [{ version: VERSION.replace(/-snapshot$/i, ''), count: 1 }],
      plugins: { telemetry: { opt_in_status: true, usage_fetcher: 'server' } },
    });
    expect(Object.keys(osd.plugins)).toEqual(expect.arrayContaining(['telemetry', 'usage_collector_stats']));
    // Opted in by config, not by the route: nothing to announce.
    expect(receiver.requestsTo('/opt_in_status')).toHaveLength(0);
    expect(await readTelemetryState(mode, server)).toMatchObject({ lastReported: expect.any(Number), reportFailureCount: 0 });
  });

  it('a failing receiver: backoff, a pause after 3 failures, a restart lifts it, and after the pause the recovered receiver gets the report', async () => {
    const receiver = track(receivers, await startReceiver({ mode: '500' }));
    const first = track(servers, await startTelemetryServer({ receiver, telemetry: { optIn: true }, args: mode.args() }));
    const tries = await waitForRequests(receiver, '/send', 3, 15000);
    // The backoff bounds the gaps from below (on OpenSearch each write's refresh adds about a second too).
    const [gap1, gap2] = gaps(tries);
    expect(gap1).toBeGreaterThanOrEqual(1000);
    expect(gap2).toBeGreaterThanOrEqual(2000);

    await sleep(4000);
    expect(receiver.requestsTo('/send')).toHaveLength(3);
    expect(await readTelemetryState(mode, first)).toMatchObject({ reportFailureCount: 3, reportFailureVersion: VERSION });
    const warnings = linesWith(first, 'Failed to send the telemetry report');
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toContain('answered HTTP 500 (failure 1 of 3 before a pause, on ' + VERSION + '; next try in 1s)');
    expect(warnings[1]).toContain('(failure 2 of 3 before a pause, on ' + VERSION + '; next try in 2s)');
    expect(warnings[2]).toContain('(failure 3 in a row, on ' + VERSION + '; sending is paused for 1m; a restart or an opt-in change resumes it sooner)');

    // A restart on the same store lifts the pause: one try at the first check; its failure pauses again.
    await first.stop();
    const second = track(servers, await startTelemetryServer({ receiver, dataPath: first.dataPath, telemetry: { optIn: true }, args: mode.args() }));
    await waitForLines(second, 'The last 3 sends on ' + VERSION + ' failed; this restart ends their pause');
    const [, , , fourth] = await waitForRequests(receiver, '/send', 4, 15000);
    const [fourthWarning] = await waitForLines(second, 'Failed to send the telemetry report');
    expect(fourthWarning).toContain('(failure 4 in a row');
    expect(await readTelemetryState(mode, second)).toMatchObject({ reportFailureCount: 4 });

    // The receiver recovers during the pause: nothing is sent before its end, the report right after it.
    await receiver.setMode('ok');
    const [, , , , fifth] = await waitForRequests(receiver, '/send', 5, 80000);
    expect(fifth.receivedAt - fourth.receivedAt).toBeGreaterThanOrEqual(60000 - 2000);
    expect(fifth.receivedAt - fourth.receivedAt).toBeLessThan(60000 + 8000);
    expect(JSON.parse(fifth.body)).toMatchObject({ stack_stats: { opensearch_dashboards: { plugins: { telemetry: { opt_in_status: true } } } } });
    await sleep(1500);
    expect(await readTelemetryState(mode, second)).toMatchObject({ reportFailureCount: 0, lastReported: expect.any(Number) });
    expect(linesWith(second, 'Telemetry report sent to')).toHaveLength(1);
    // Stopped here, so the first server's cleanup (it owns the data folder) never races this one's shutdown.
    await second.stop();
  }, 180000);

  it('two servers on one store: one report per interval between them', async () => {
    const receiver = track(receivers, await startReceiver());
    // Embedded: one data folder (one SQLite store). OpenSearch: one index, each server its own data folder.
    const dataPath = mode.name === 'embedded' ? mkdtempSync(join(tmpdir(), 'osd-telemetry-shared-')) : undefined;
    try {
      const first = track(servers, await startTelemetryServer({ receiver, dataPath, telemetry: { optIn: true }, args: mode.args() }));
      const second = track(servers, await startTelemetryServer({ receiver, dataPath, telemetry: { optIn: true }, args: mode.args() }));
      await waitForRequests(receiver, '/send', 1, 20000);
      await sleep(4000);
      expect(receiver.requestsTo('/send')).toHaveLength(1);
      // Two more intervals, as the store sees them: each time both servers look within a check interval,
      // and only one of them sends.
      for (const expected of [2, 3]) {
        const rewoundAt = Date.now();
        await rewindTelemetryState(mode, first, 65000);
        await waitForRequests(receiver, '/send', expected, CHECK_INTERVAL_MS + 5000);
        await sleep(rewoundAt + CHECK_INTERVAL_MS + 2000 - Date.now());
        expect(receiver.requestsTo('/send')).toHaveLength(expected);
      }
      // Stopped before counting, so no report is in flight between the receiver's count and the logs'.
      await Promise.all([first, second].map((s) => s.stop()));
      const reports = receiver.requestsTo('/send');
      const sentBy = [first, second].map((s) => linesWith(s, 'Telemetry report sent to').length);
      expect(sentBy[0] + sentBy[1]).toBe(reports.length);
      if (mode.name === 'opensearch') {
        for (const r of reports) expect(JSON.parse(r.body).cluster_uuid).toBe(mode.cluster!.uuid);
      }
    } finally {
      await Promise.all(servers.splice(0).map(async (s) => (await s.stop(), s.cleanup())));
      if (dataPath) rmSync(dataPath, { recursive: true, force: true });
    }
  }, 120000);
});

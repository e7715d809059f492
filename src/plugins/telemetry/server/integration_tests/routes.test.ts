/*
 * The telemetry routes on a real server: upstream's paths, bodies and status codes, the lock in both
 * directions, and an operator's path from "undecided" to a report arriving at their receiver.
 */
import { api, type OsdServer } from '../../../../../test/harness/osd_server';
import { startReceiver, type Receiver } from '../../../../../test/receiver';
import { linesWith, readTelemetrySavedObject, sleep, startTelemetryServer, timed, waitForRequests } from './helpers';

const VERSION = require('../../../../../package.json').version as string;

describe('telemetry routes', () => {
  const servers: OsdServer[] = [];
  let receiver: Receiver;
  beforeEach(async () => (receiver = await startReceiver()));
  afterEach(async () => {
    await Promise.all(servers.splice(0).map(async (s) => (await s.stop(), s.cleanup())));
    await receiver.stop();
  });
  const start = async (telemetry: Record<string, string | boolean> = {}) => {
    const server = await startTelemetryServer({ receiver, telemetry: { reportInterval: '1h', ...telemetry } });
    servers.push(server);
    return server;
  };

  it('from undecided to a report at the receiver: stats, opt-in stats, opt-out, notice, opt-in', async () => {
    const server = await start();
    const url = (path: string) => `${server.url}/api/telemetry/v2${path}`;
    const uuid = (await api(`${server.url}/api/status`)).body.uuid;

    // The admin preview: the whole report, from the embedded store (no cluster_stats).
    const preview = await api(url('/clusters/_stats'), 'POST', { unencrypted: true, timeRange: { min: Date.now() - 60000, max: new Date().toISOString() } });
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual([
      expect.objectContaining({ cluster_uuid: uuid, collection: 'local', collectionSource: 'local', version: VERSION }),
    ]);
    expect(preview.body[0]).not.toHaveProperty('cluster_stats');
    expect(preview.body[0].stack_stats.opensearch_dashboards.plugins.telemetry).toEqual({ opt_in_status: null, usage_fetcher: 'server' });
    // What may be sent: nothing yet.
    expect((await api(url('/clusters/_stats'), 'POST', {})).body).toEqual([]);
    const badRange = await api(url('/clusters/_stats'), 'POST', { timeRange: { min: 'yesterday-ish', max: 1 } });
    expect(badRange.status).toBe(400);
    expect(badRange.body.message).toContain('yesterday-ish is not a valid date');

    expect((await api(url('/clusters/_opt_in_stats'), 'POST', { enabled: true })).body).toEqual([{ cluster_uuid: uuid, opt_in_status: true }]);
    expect((await api(url('/clusters/_opt_in_stats'), 'POST', {})).status).toBe(400);

    for (const enabled of [null, 42, 'maybe', undefined]) {
      const bad = await api(url('/optIn'), 'POST', enabled === undefined ? {} : { enabled });
      expect(bad.status).toBe(400);
    }

    const optOut = await api(url('/optIn'), 'POST', { enabled: false });
    expect(optOut.status).toBe(200);
    expect(optOut.body).toEqual([{ cluster_uuid: uuid, opt_in_status: false }]);
    expect(readTelemetrySavedObject(server.dataPath)).toEqual({ enabled: false, lastVersionChecked: VERSION });

    const notice = await api(url('/userHasSeenNotice'), 'PUT');
    expect(notice.status).toBe(200);
    expect(notice.body).toEqual({ enabled: false, lastVersionChecked: VERSION, userHasSeenNotice: true });
    expect(readTelemetrySavedObject(server.dataPath)).toMatchObject({ userHasSeenNotice: true });

    await sleep(2500);
    expect(receiver.requests).toEqual([]);

    const optIn = await timed(() => api(url('/optIn'), 'POST', { enabled: true }));
    expect(optIn.result.status).toBe(200);
    expect(optIn.result.body).toEqual([{ cluster_uuid: uuid, opt_in_status: true }]);
    expect(optIn.ms).toBeLessThan(1500);
    const [announcement] = await waitForRequests(receiver, '/opt_in_status', 1);
    expect(announcement.headers).toMatchObject({ 'content-type': 'application/json', 'osd-telemetry-channel': 'opt_in_status', 'osd-version': VERSION });
    expect(JSON.parse(announcement.body)).toEqual([{ cluster_uuid: uuid, opt_in_status: true }]);

    const [report] = await waitForRequests(receiver, '/send', 1, 10000);
    expect(JSON.parse(report.body)).toMatchObject({ cluster_uuid: uuid, stack_stats: { opensearch_dashboards: { plugins: { telemetry: { opt_in_status: true } } } } });
    expect((await api(url('/clusters/_stats'), 'POST', { refreshCache: true })).body).toEqual([expect.objectContaining({ cluster_uuid: uuid })]);

    // Opting in again is no change: nothing more is announced.
    await api(url('/optIn'), 'POST', { enabled: true });
    await sleep(500);
    expect(receiver.requestsTo('/opt_in_status')).toHaveLength(1);
  });

  it('the lock works in both directions', async () => {
    const [lockedOff, lockedOn] = await Promise.all([
      start({ allowChangingOptInStatus: false, optIn: false }),
      start({ allowChangingOptInStatus: false, optIn: true }),
    ]);
    const optInOf = (server: OsdServer, enabled: boolean) => api(`${server.url}/api/telemetry/v2/optIn`, 'POST', { enabled });

    const refused = await optInOf(lockedOff, true);
    expect(refused.status).toBe(400);
    expect(refused.body.message).toBe('Not allowed to change Opt-in Status.');
    expect((await optInOf(lockedOn, false)).status).toBe(400);
    expect(readTelemetrySavedObject(lockedOff.dataPath)).toBeUndefined();

    expect(linesWith(lockedOff, 'Telemetry is opted out (locked by the config). Nothing is sent.')).toHaveLength(1);
    const reports = await waitForRequests(receiver, '/send', 1);
    await sleep(2000);
    expect(receiver.requests).toHaveLength(1);
    expect(JSON.parse(reports[0].body).cluster_uuid).toBe((await api(`${lockedOn.url}/api/status`)).body.uuid);
  });
});

/*
 * Opt-in changes through the API on a real server, against the local receiver: announcements to
 * `optInStatusUrl` are coalesced (at most one per `optInStatusInterval`, 10 s here: its minimum) and the
 * last state wins; an opt-out is never announced; a change of the choice ends a failure pause.
 */
import { api, type OsdServer } from '../../../../../test/harness/osd_server';
import { startReceiver, type ReceivedRequest } from '../../../../../test/receiver';
import { storeModes } from '../../../../../test/harness/store_modes';
import { gaps, linesWith, perTestResources, readTelemetryState, sleep, startTelemetryServer, waitForLines, waitForRequests } from './helpers';

const INTERVAL_MS = 10000;

describe.each(storeModes('telemetry_opt_in'))('telemetry opt-in changes (%s store)', (mode) => {
  const { servers, receivers, track } = perTestResources(mode);

  /** 20 toggles through the API, the first an opt-out of the undecided install; resolves with the time of the last. */
  async function toggle(server: OsdServer, { endOptedIn }: { endOptedIn: boolean }) {
    let lastAt = 0;
    for (let i = 0; i < 20; i++) {
      const enabled = endOptedIn ? i % 2 === 1 : i % 2 === 0;
      lastAt = Date.now();
      const res = await api(`${server.url}/api/telemetry/v2/optIn`, 'POST', { enabled });
      expect(res.status).toBe(200);
    }
    return lastAt;
  }

  const statuses = (requests: ReceivedRequest[]) => requests.map((r) => JSON.parse(r.body).map((c: { opt_in_status: unknown }) => c.opt_in_status));

  it('20 quick toggles: at most one announcement per interval, the last state arrives after it, an opt-out never', async () => {
    const receiver = track(receivers, await startReceiver());
    // A report interval of an hour keeps reports out of the way; they go to /send anyway.
    const server = track(servers, await startTelemetryServer({ receiver, telemetry: { reportInterval: '1h' }, args: mode.args() }));

    const startedAt = Date.now();
    const lastToggleAt = await toggle(server, { endOptedIn: true });
    const [first] = await waitForRequests(receiver, '/opt_in_status', 1);
    // The final state (opted in) arrives after the last toggle, once the interval allows.
    const deadline = Date.now() + INTERVAL_MS + 10000;
    while (!receiver.requestsTo('/opt_in_status').some((r) => r.receivedAt >= lastToggleAt) && Date.now() < deadline) await sleep(100);
    const afterToggles = receiver.requestsTo('/opt_in_status');
    const last = afterToggles[afterToggles.length - 1];
    expect(last.receivedAt).toBeGreaterThanOrEqual(lastToggleAt);
    expect(JSON.parse(last.body)).toEqual([{ cluster_uuid: expect.any(String), opt_in_status: true }]);
    expect(last.headers['osd-telemetry-channel']).toBe('opt_in_status');
    // At most one per interval (every gap at least the interval); on a fast store the toggles fit in one.
    for (const gap of gaps(afterToggles)) expect(gap).toBeGreaterThanOrEqual(INTERVAL_MS - 100);
    expect(afterToggles.filter((r) => r.receivedAt < first.receivedAt + INTERVAL_MS - 100)).toHaveLength(1);
    if (lastToggleAt - startedAt < INTERVAL_MS / 2) expect(afterToggles).toHaveLength(2);
    await sleep(INTERVAL_MS + 1000);
    expect(receiver.requestsTo('/opt_in_status')).toHaveLength(afterToggles.length);

    // Toggles ending opted out: what waited is dropped; after the last toggle nothing more is announced.
    const lastOptOutAt = await toggle(server, { endOptedIn: false });
    await sleep(INTERVAL_MS + 2000);
    const all = receiver.requestsTo('/opt_in_status');
    for (const gap of gaps(all)) expect(gap).toBeGreaterThanOrEqual(INTERVAL_MS - 100);
    // A request already on its way when the last toggle was made may land just after it, nothing later.
    expect(all.filter((r) => r.receivedAt > lastOptOutAt + 2000)).toEqual([]);
    expect(statuses(all).flat().every((status) => status === true)).toBe(true);
    expect((await api(`${server.url}/api/telemetry/v2/state`)).body.optIn).toBe(false);
    expect(linesWith(server, 'Failed to notify')).toEqual([]);
  }, 120000);

  it('an opt-in change ends a failure pause: the next try comes at once, not after failurePause', async () => {
    const receiver = track(receivers, await startReceiver({ mode: '500' }));
    const server = track(servers, await startTelemetryServer({ receiver, args: mode.args() }));
    expect((await api(`${server.url}/api/telemetry/v2/optIn`, 'POST', { enabled: true })).status).toBe(200);
    await waitForRequests(receiver, '/send', 3, 15000);
    await waitForLines(server, 'sending is paused for 1m');
    expect(await readTelemetryState(mode, server)).toMatchObject({ reportFailureCount: 3 });

    const changedAt = Date.now();
    expect((await api(`${server.url}/api/telemetry/v2/optIn`, 'POST', { enabled: false })).status).toBe(200);
    expect((await api(`${server.url}/api/telemetry/v2/optIn`, 'POST', { enabled: true })).status).toBe(200);
    const [, , , fourth] = await waitForRequests(receiver, '/send', 4, 15000);
    expect(fourth.receivedAt - changedAt).toBeLessThan(10000);
    const warnings = await waitForLines(server, 'Failed to send the telemetry report', 4);
    expect(warnings[3]).toContain('(failure 1 of 3 before a pause');
  }, 90000);
});

/*
 * The two browser paths that send (the report sender and the opt-in announcement), against the local
 * receiver (loopback) with Node's fetch standing in for the browser's: what arrives, and how often. The
 * server's answers (report, opt-in stats, state) are faked; the real server paths have their own suites.
 * Timings are short (the classes take any value; the config keys' minimums are checked on the server).
 */
import { startReceiver, type Receiver } from '../../../../../test/receiver';
import { createFakeHttp, createTelemetryPublicConfig } from '../mocks';
import { LOCAL_STORAGE_KEY, TelemetrySender } from './telemetry_sender';
import { TelemetryService } from './telemetry_service';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(receiver: Receiver, prefix: string, count: number, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  while (receiver.requestsTo(prefix).length < count) {
    if (Date.now() > deadline) throw new Error(`expected ${count} request(s) to ${prefix}, got ${receiver.requestsTo(prefix).length}`);
    await sleep(20);
  }
  return receiver.requestsTo(prefix);
}

function createStorage() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), items };
}

describe('browser senders against the local receiver', () => {
  let receiver: Receiver;
  const warn = jest.spyOn(console, 'warn');
  beforeEach(async () => {
    receiver = await startReceiver();
    warn.mockImplementation(() => undefined);
  });
  afterEach(async () => {
    await receiver.stop();
    warn.mockReset();
  });

  it('the report sender: 3 tries with backoff, a pause, then a try that reaches the recovered receiver', async () => {
    await receiver.setMode('500');
    const telemetryService = {
      getIsOptedIn: () => true,
      getSendUsageFrom: () => 'browser' as const,
      fetchTelemetry: async () => [{ cluster_uuid: 'c1' }],
      getTelemetryUrl: () => new URL(`${receiver.url}/send`),
    };
    const storage = createStorage();
    const sender = new TelemetrySender({
      telemetryService,
      storage,
      fetch: (input, init) => fetch(input, init),
      reportIntervalMs: 3600000,
      initialCheckDelayMs: 10,
      retryDelayMs: 1000,
      failurePauseMs: 3000,
      version: '2.19.0',
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (handle) => clearTimeout(handle),
    });
    try {
      sender.start();
      const tries = await waitFor(receiver, '/send', 3);
      const gaps = tries.slice(1).map((r, i) => r.receivedAt - tries[i].receivedAt);
      expect(gaps[0]).toBeGreaterThanOrEqual(1000 - 50);
      expect(gaps[1]).toBeGreaterThanOrEqual(2000 - 50);
      await sleep(1500);
      expect(receiver.requestsTo('/send')).toHaveLength(3);
      await receiver.setMode('ok');
      const [, , third, fourth] = await waitFor(receiver, '/send', 4);
      expect(fourth.receivedAt - third.receivedAt).toBeGreaterThanOrEqual(3000 - 50);
      expect(JSON.parse(fourth.body)).toEqual({ cluster_uuid: 'c1' });
      expect(fourth.headers).toMatchObject({ 'osd-telemetry-channel': 'snapshot', 'osd-version': '2.19.0' });
      expect(JSON.parse(storage.items.get(LOCAL_STORAGE_KEY)!)).toEqual({ lastReport: expect.any(String) });
      await sleep(1500);
      expect(receiver.requestsTo('/send')).toHaveLength(4);
    } finally {
      sender.stop();
    }
  });

  it('the opt-in announcement: 20 quick toggles, at most one request in the first interval, then the final state', async () => {
    let optIn: boolean | null = null;
    const http = createFakeHttp({
      'POST /api/telemetry/v2/optIn': (body: unknown) => ((optIn = (body as { enabled: boolean }).enabled), []),
      'POST /api/telemetry/v2/clusters/_opt_in_stats': (body: unknown) => [{ cluster_uuid: 'c1', opt_in_status: (body as { enabled: boolean }).enabled }],
      'GET /api/telemetry/v2/state': () => ({ optIn, allowChangingOptInStatus: true, sendUsageFrom: 'browser', notifyUserAboutOptInDefault: false }),
    });
    const service = new TelemetryService({
      http: http as any,
      toasts: { addDanger: jest.fn() },
      config: createTelemetryPublicConfig({ sendUsageFrom: 'browser', optInStatusUrl: `${receiver.url}/opt_in_status` }),
      fetch: (input, init) => fetch(input, init),
      optInStatusIntervalMs: 1500,
    });
    const started = Date.now();
    // Undecided → opted out → opted in → …: the 20th toggle opts in.
    for (let i = 0; i < 20; i++) await expect(service.setOptIn(i % 2 === 1)).resolves.toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(receiver.requestsTo('/opt_in_status')).toHaveLength(1);
    const [first, last] = await waitFor(receiver, '/opt_in_status', 2);
    expect(last.receivedAt - first.receivedAt).toBeGreaterThanOrEqual(1500 - 50);
    expect(JSON.parse(last.body)).toEqual([{ cluster_uuid: 'c1', opt_in_status: true }]);
    await sleep(2000);
    expect(receiver.requestsTo('/opt_in_status')).toHaveLength(2);

    // Toggles ending opted out: the waiting announcement is dropped, an opt-out is never sent.
    for (let i = 0; i < 20; i++) await service.setOptIn(i % 2 === 1 ? false : true);
    await sleep(2000);
    expect(receiver.requestsTo('/opt_in_status')).toHaveLength(3);
    expect(receiver.requestsTo('/opt_in_status').every((r) => JSON.parse(r.body)[0].opt_in_status === true)).toBe(true);
    await service.stop();
  });
});

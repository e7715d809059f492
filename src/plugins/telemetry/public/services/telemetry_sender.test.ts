import { isReportDue, LOCAL_STORAGE_KEY, MAX_BROWSER_ATTEMPTS, TelemetrySender } from './telemetry_sender';

const HOUR = 3600000;

function createStorage(initial?: object) {
  const items = new Map<string, string>(initial ? [[LOCAL_STORAGE_KEY, JSON.stringify(initial)]] : []);
  return { getItem: jest.fn((k: string) => items.get(k) ?? null), setItem: jest.fn((k: string, v: string) => void items.set(k, v)), items };
}

function setup({ optIn = true as boolean | null, sendUsageFrom = 'browser', stored = undefined as object | undefined, now = 100 * HOUR } = {}) {
  const clock = { now };
  const storage = createStorage(stored);
  const fetch = jest.fn(async () => ({ ok: true, status: 200 }) as Response);
  const telemetryService = {
    getIsOptedIn: jest.fn(() => optIn),
    getSendUsageFrom: jest.fn(() => sendUsageFrom as 'browser' | 'server'),
    fetchTelemetry: jest.fn(async () => [{ cluster_uuid: 'a' }, 'eyJ.jwe']),
    getTelemetryUrl: jest.fn(() => new URL('http://127.0.0.1:5610/send')),
  };
  const timers: Array<{ fn: () => void; ms: number }> = [];
  const sender = new TelemetrySender({
    telemetryService,
    storage,
    fetch,
    reportIntervalMs: 24 * HOUR,
    initialCheckDelayMs: 5000,
    retryDelayMs: HOUR,
    version: '2.19.0',
    now: () => clock.now,
    setTimeout: (fn, ms) => timers.push({ fn, ms }),
    clearTimeout: () => undefined,
  });
  const stored$ = () => JSON.parse(storage.items.get(LOCAL_STORAGE_KEY) ?? '{}');
  return { sender, storage, fetch, telemetryService, clock, timers, stored: stored$ };
}

describe('isReportDue', () => {
  const opts = { now: 100 * HOUR, reportIntervalMs: 24 * HOUR, claimMs: 60000 };
  it.each([
    [{}, true],
    [{ lastReport: 'nonsense' }, true],
    [{ lastReport: String(99 * HOUR) }, false],
    [{ lastReport: String(70 * HOUR) }, true],
    [{ lastReport: String(200 * HOUR) }, true], // a clock that went back does not block forever
    [{ lastAttempt: String(100 * HOUR - 1000) }, false],
    [{ lastAttempt: String(100 * HOUR - 120000) }, true],
  ])('%p → %p', (data, due) => expect(isReportDue(data, opts)).toBe(due));
});

describe('TelemetrySender', () => {
  it('sends each cluster to the telemetry URL and records the time in localStorage', async () => {
    const t = setup();
    await t.sender.sendIfDue();
    expect(t.fetch).toHaveBeenCalledTimes(2);
    expect(t.fetch).toHaveBeenNthCalledWith(1, 'http://127.0.0.1:5610/send', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'osd-version': '2.19.0', 'osd-telemetry-version': 'v2', 'osd-telemetry-channel': 'snapshot' },
      body: '{"cluster_uuid":"a"}',
    });
    expect(t.fetch).toHaveBeenNthCalledWith(2, 'http://127.0.0.1:5610/send', expect.objectContaining({ body: 'eyJ.jwe', headers: expect.objectContaining({ 'Content-Type': 'application/jose' }) }));
    expect(t.stored()).toEqual({ lastReport: String(100 * HOUR) });
  });

  it('sends once per interval, across tabs sharing the storage', async () => {
    const t = setup({ stored: { lastReport: String(90 * HOUR) } });
    await t.sender.sendIfDue();
    expect(t.fetch).not.toHaveBeenCalled();
    t.clock.now = 115 * HOUR;
    await t.sender.sendIfDue();
    expect(t.fetch).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['undecided', { optIn: null }],
    ['opted out', { optIn: false }],
    ['the server is the sender', { sendUsageFrom: 'server' }],
  ])('sends nothing when %s', async (_name, options) => {
    const t = setup(options);
    await t.sender.sendIfDue();
    expect(t.fetch).not.toHaveBeenCalled();
    expect(t.telemetryService.fetchTelemetry).not.toHaveBeenCalled();
  });

  it('retries with a doubling delay, at most 3 tries', async () => {
    const t = setup();
    t.fetch.mockResolvedValue({ ok: false, status: 500 } as Response);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(t.sender.sendIfDue()).resolves.toBe(HOUR);
    await expect(t.sender.sendIfDue()).resolves.toBe(2 * HOUR);
    await expect(t.sender.sendIfDue()).resolves.toBe(4 * HOUR);
    expect(t.sender.shouldSendReport()).toBe(false);
    await t.sender.sendIfDue();
    expect(t.fetch).toHaveBeenCalledTimes(MAX_BROWSER_ATTEMPTS);
    expect(t.stored().lastReport).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(3);
    warn.mockRestore();
  });

  it('start schedules the first check after the initial delay, once', () => {
    const t = setup();
    t.sender.start();
    t.sender.start();
    expect(t.timers).toEqual([{ fn: expect.any(Function), ms: 5000 }]);
  });
});

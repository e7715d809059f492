import { isReportDue, LOCAL_STORAGE_KEY, TelemetrySender, toFailureRecord } from './telemetry_sender';

const HOUR = 3600000;

function createStorage(initial?: object) {
  const items = new Map<string, string>(initial ? [[LOCAL_STORAGE_KEY, JSON.stringify(initial)]] : []);
  return { getItem: jest.fn((k: string) => items.get(k) ?? null), setItem: jest.fn((k: string, v: string) => void items.set(k, v)), items };
}

function setup({ optIn = true as boolean | null, sendUsageFrom = 'browser', stored = undefined as object | undefined, now = 100 * HOUR, storage = createStorage(stored) } = {}) {
  const clock = { now };
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
    failurePauseMs: 24 * HOUR,
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

  it('retries with a doubling delay, pauses for failurePause after 3 failures, then tries again', async () => {
    const t = setup();
    t.fetch.mockResolvedValue({ ok: false, status: 500 } as Response);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    // Each answer is the wait until the next check: the end of the backoff, at most a minute away.
    await expect(t.sender.sendIfDue()).resolves.toBe(60000);
    expect(t.stored()).toMatchObject({ failures: 1, lastFailure: String(100 * HOUR) });
    expect(warn.mock.calls[0][0]).toContain('failure 1 in a row; next try in 1h');
    t.clock.now += HOUR - 30000;
    await expect(t.sender.sendIfDue()).resolves.toBe(30000);
    expect(t.fetch).toHaveBeenCalledTimes(1);
    t.clock.now += 30000;
    await t.sender.sendIfDue();
    t.clock.now += 2 * HOUR;
    await t.sender.sendIfDue();
    expect(t.fetch).toHaveBeenCalledTimes(3);
    expect(warn.mock.calls[2][0]).toContain('failure 3 in a row; sending pauses for 1d');
    t.clock.now += 24 * HOUR - 1;
    expect(t.sender.shouldSendReport()).toBe(false);
    await t.sender.sendIfDue();
    expect(t.fetch).toHaveBeenCalledTimes(3);
    // Never for good: after the pause it tries again; the receiver recovered.
    t.fetch.mockResolvedValue({ ok: true, status: 200 } as Response);
    t.clock.now += 1;
    await t.sender.sendIfDue();
    expect(t.fetch).toHaveBeenCalledTimes(5);
    expect(t.stored()).toEqual({ lastReport: String(t.clock.now) });
    warn.mockRestore();
  });

  it('shares the failures between tabs; a new page lifts a pause recorded before it, an opt-in change clears them', async () => {
    const storage = createStorage({ lastReport: String(10 * HOUR), failures: 3, lastFailure: String(99 * HOUR) });
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    // A tab open since before the pause honours it.
    const before = setup({ storage, now: 98 * HOUR });
    before.clock.now = 100 * HOUR;
    expect(before.sender.shouldSendReport()).toBe(false);
    // A page loaded after it tries once; its failure (the 4th) pauses every tab again.
    const after = setup({ storage });
    after.fetch.mockResolvedValue({ ok: false, status: 503 } as Response);
    await after.sender.sendIfDue();
    expect(after.fetch).toHaveBeenCalledTimes(1);
    expect(toFailureRecord(JSON.parse(storage.items.get(LOCAL_STORAGE_KEY)!))).toEqual({ failures: 4, lastFailureAt: 100 * HOUR });
    after.clock.now += HOUR;
    expect(after.sender.shouldSendReport()).toBe(false);
    after.sender.resetFailures();
    expect(after.sender.shouldSendReport()).toBe(true);
    expect(JSON.parse(storage.items.get(LOCAL_STORAGE_KEY)!)).toEqual({ lastReport: String(10 * HOUR) });
    warn.mockRestore();
  });

  it('reads junk failure data as no failures', () => {
    expect(toFailureRecord({ failures: 'x' as any, lastFailure: 'soon' })).toEqual({ failures: 0, lastFailureAt: undefined });
    expect(toFailureRecord({})).toEqual({ failures: 0, lastFailureAt: undefined });
  });

  it('start schedules the first check after the initial delay, once', () => {
    const t = setup();
    t.sender.start();
    t.sender.start();
    expect(t.timers).toEqual([{ fn: expect.any(Function), ms: 5000 }]);
  });
});

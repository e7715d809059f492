import { createLoggerMock } from '../mocks';
import { DistinctNameCap, type DistinctNameCapOptions } from './distinct_name_cap';

/** A store of names, listed in pages of two, whose listing can be held or made to fail. */
function createStore(names: string[]) {
  const store = { names: [...names], fail: undefined as Error | undefined, hold: undefined as Promise<void> | undefined, pagesRead: 0 };
  async function* list() {
    if (store.fail) throw store.fail;
    const snapshot = [...store.names];
    for (let i = 0; i < snapshot.length; i += 2) {
      if (store.hold) await store.hold;
      store.pagesRead++;
      yield snapshot.slice(i, i + 2);
    }
  }
  return { store, list };
}

function createCap(names: string[], options: Partial<DistinctNameCapOptions> = {}) {
  const { store, list } = createStore(names);
  const logger = createLoggerMock();
  const onRefreshError = jest.fn();
  let now = 1_000_000;
  const cap = new DistinctNameCap({
    description: 'ui-metric counters',
    configKey: 'usageCollection.uiMetric.maxKeys',
    max: 4,
    logger,
    listStored: list,
    onRefreshError,
    refreshIntervalMs: 1000,
    loadRetryDelayMs: 5000,
    now: () => now,
    ...options,
  });
  return { cap, store, logger, onRefreshError, advance: (ms: number) => (now += ms) };
}

afterEach(() => jest.useRealTimers());

describe('DistinctNameCap', () => {
  it('reads the stored names page by page before it answers, then admits stored names and new ones up to max', async () => {
    const { cap, store, logger } = createCap(['a', 'b', 'c']);
    cap.start();
    const ready = cap.ready();
    expect(ready).toBeInstanceOf(Promise);
    await ready;
    expect(cap.ready()).toBeUndefined();
    expect(store.pagesRead).toBe(2);
    expect(cap.admit('a')).toBe(true);
    expect(cap.admit('new1')).toBe(true);
    expect(cap.admit('new1')).toBe(true);
    expect(cap.admit('new2')).toBe(false);
    expect(cap.admit('new3')).toBe(false);
    expect(cap.admit('new2')).toBe(false);
    // Existing names keep counting past the cap.
    expect(cap.admit('c')).toBe(true);
    expect(cap.droppedCount).toBe(3);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn.mock.calls[0][0]).toMatch(/^usageCollection\.uiMetric\.maxKeys \(4\) reached: new ui-metric counters are dropped/);
    cap.stop();
  });

  it('admits every name of a store already past the cap, and nothing new', async () => {
    const stored = Array.from({ length: 9 }, (_, i) => `s${i}`);
    const { cap } = createCap(stored);
    cap.start();
    await cap.ready();
    expect(stored.every((n) => cap.admit(n))).toBe(true);
    expect(cap.admit('new')).toBe(false);
    cap.stop();
  });

  it('re-reads the store periodically: names other servers added come in, names it admitted meanwhile stay', async () => {
    jest.useFakeTimers();
    const { cap, store } = createCap(['a']);
    cap.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(cap.ready()).toBeUndefined();
    expect(cap.admit('mine')).toBe(true);
    // Another server stores three names; this one's 'mine' write failed, so the store does not have it.
    store.names.push('x', 'y', 'z');
    let release!: () => void;
    store.hold = new Promise((r) => (release = r));
    await jest.advanceTimersByTimeAsync(1000);
    // Admitted while the re-read runs: kept by it.
    expect(cap.admit('during')).toBe(true);
    store.hold = undefined;
    release();
    await jest.advanceTimersByTimeAsync(0);
    expect(cap.size).toBe(5);
    expect(['a', 'x', 'y', 'z', 'during'].every((n) => cap.admit(n))).toBe(true);
    expect(cap.admit('mine')).toBe(false);
    cap.stop();
  });

  it('hands a failed first read to its callers, retries it after the delay, and reports failed re-reads', async () => {
    const down = new Error('store away');
    const { cap, store, advance, onRefreshError } = createCap(['a'], { refreshIntervalMs: 50 });
    store.fail = down;
    cap.start();
    await expect(cap.ready()).rejects.toBe(down);
    store.fail = undefined;
    // Within the retry delay: the same failure, no new read.
    await expect(cap.ready()).rejects.toBe(down);
    expect(store.pagesRead).toBe(0);
    advance(5000);
    await cap.ready();
    expect(cap.admit('a')).toBe(true);
    store.fail = new Error('again');
    await new Promise((r) => setTimeout(r, 120));
    expect(onRefreshError).toHaveBeenCalledWith(store.fail);
    // A failed re-read keeps what was known.
    expect(cap.ready()).toBeUndefined();
    expect(cap.size).toBe(1);
    cap.stop();
  });
});

import { BehaviorSubject, filter } from 'rxjs';
import { createLoggerMock } from '../../../usage_collection/server/mocks';
import { createConsentSender, createNullSender } from './consent_sender';
import type { FetcherTask } from './fetcher_task';

function fakeReal(name: string) {
  const calls: string[] = [];
  const task: FetcherTask = {
    start: () => void calls.push('start'),
    stop: async () => void calls.push('stop'),
    runCheck: async () => (calls.push('check'), 5),
    sendNow: async () => (calls.push('sendNow'), { outcome: 'delivered', kept: false, entries: [] }),
  };
  return { name, calls, task };
}

function setup(initial?: boolean) {
  const optedIn$ = new BehaviorSubject<boolean | undefined>(initial);
  const store = { optedIn: initial ?? false };
  const reals: Array<ReturnType<typeof fakeReal>> = [];
  const optIn = {
    // Only defined values reach subscribers, as the service's `isOptedIn$` (first reading on).
    isOptedIn$: optedIn$.pipe(filter((v): v is boolean => v !== undefined)),
    refresh: jest.fn(async () => {
      optedIn$.next(store.optedIn);
      return {} as any;
    }),
  };
  const nullSender = createNullSender({ checkIntervalMs: 1234 });
  const sender = createConsentSender({
    logger: createLoggerMock(),
    optIn,
    nullSender,
    createReal: () => {
      const real = fakeReal(`real${reals.length + 1}`);
      reals.push(real);
      return real.task;
    },
  });
  return { sender, optedIn$, store, reals, optIn };
}

describe('createNullSender', () => {
  it('never sends: a check does nothing and "send now" says not opted in', async () => {
    const none = createNullSender({ checkIntervalMs: 1234 });
    expect(none.kind).toBe('null');
    none.start();
    expect(await none.runCheck()).toBe(1234);
    expect(await none.sendNow()).toEqual({ outcome: 'not_opted_in' });
    await expect(none.stop()).resolves.toBeUndefined();
  });
});

describe('createConsentSender', () => {
  it('uses the null sender until consent is known and while it is off; no real sender is even made', async () => {
    const t = setup();
    t.sender.start();
    expect(t.sender.kind()).toBe('null');
    t.optedIn$.next(false);
    expect(t.sender.kind()).toBe('null');
    expect(await t.sender.runCheck()).toBe(1234);
    expect(await t.sender.sendNow()).toEqual({ outcome: 'not_opted_in' });
    expect(t.reals).toHaveLength(0);
    await t.sender.stop();
  });

  it('starts a real sender when consent turns on, stops it when it turns off, and makes a new one on the next opt-in', async () => {
    const t = setup(true);
    t.sender.start();
    expect(t.sender.kind()).toBe('real');
    expect(await t.sender.runCheck()).toBe(5);
    expect(t.reals[0].calls).toEqual(['start', 'check']);

    t.optedIn$.next(false);
    expect(t.sender.kind()).toBe('null');
    expect(t.reals[0].calls).toEqual(['start', 'check', 'stop']);
    expect(await t.sender.runCheck()).toBe(1234);

    t.optedIn$.next(true);
    expect(t.reals.map((r) => r.calls)).toEqual([['start', 'check', 'stop'], ['start']]);
    await t.sender.stop();
    expect(t.reals[1].calls).toEqual(['start', 'stop']);
    expect(t.sender.kind()).toBe('null');
    // Stopped for good: a later opt-in makes nothing.
    t.optedIn$.next(false);
    t.optedIn$.next(true);
    expect(t.reals).toHaveLength(2);
  });

  it('reads the state before "send now", so an opt-in made on another server is honoured at once', async () => {
    const t = setup(false);
    t.sender.start();
    t.store.optedIn = true;
    expect(await t.sender.sendNow()).toEqual({ outcome: 'delivered', kept: false, entries: [] });
    expect(t.optIn.refresh).toHaveBeenCalledTimes(1);
    expect(t.reals[0].calls).toEqual(['start', 'sendNow']);

    t.store.optedIn = false;
    expect(await t.sender.sendNow()).toEqual({ outcome: 'not_opted_in' });
    expect(t.reals[0].calls).toEqual(['start', 'sendNow', 'stop']);
    await t.sender.stop();
  });
});

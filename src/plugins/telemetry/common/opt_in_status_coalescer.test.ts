import { createOptInStatusCoalescer, planOptInStatusSend } from './opt_in_status_coalescer';

const MINUTE = 60000;

describe('planOptInStatusSend', () => {
  const plan = (input: Partial<Parameters<typeof planOptInStatusSend>[0]>) => planOptInStatusSend({ now: 10 * MINUTE, minIntervalMs: MINUTE, ...input });

  it('sends nothing when nothing is pending or the latest change is an opt-out', () => {
    expect(plan({})).toEqual({ action: 'none' });
    expect(plan({ pending: false })).toEqual({ action: 'none' });
    expect(plan({ pending: false, lastSentAt: 0 })).toEqual({ action: 'none' });
  });

  it('sends an opt-in at once unless one was sent within the interval', () => {
    expect(plan({ pending: true })).toEqual({ action: 'send' });
    expect(plan({ pending: true, lastSentAt: 9 * MINUTE })).toEqual({ action: 'send' });
    expect(plan({ pending: true, lastSentAt: 9.5 * MINUTE })).toEqual({ action: 'wait', inMs: MINUTE / 2 });
  });

  it('waits one interval when the clock went back', () => {
    expect(plan({ pending: true, lastSentAt: 11 * MINUTE })).toEqual({ action: 'wait', inMs: MINUTE });
  });
});

describe('createOptInStatusCoalescer', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function setup() {
    const sent: Array<{ payload: string; delayed: boolean; at: number }> = [];
    const start = Date.now();
    const coalescer = createOptInStatusCoalescer<string>({
      minIntervalMs: MINUTE,
      send: async (payload, { delayed }) => void sent.push({ payload, delayed, at: Date.now() - start }),
    });
    return { coalescer, sent };
  }

  it('20 quick toggles ending opted in: one send at once, the last state after the minute, nothing more', async () => {
    const { coalescer, sent } = setup();
    for (let i = 1; i <= 20; i++) {
      // Odd toggles opt in, even ones opt out; the 20th is replaced by a final opt-in below.
      coalescer.notify(i % 2 === 1 ? { optedIn: true, payload: `in-${i}` } : { optedIn: false });
      jest.advanceTimersByTime(100);
    }
    coalescer.notify({ optedIn: true, payload: 'final' });
    expect(sent).toEqual([{ payload: 'in-1', delayed: false, at: 0 }]);
    jest.advanceTimersByTime(MINUTE - 2001);
    expect(sent).toHaveLength(1);
    jest.advanceTimersByTime(1);
    expect(sent).toEqual([
      { payload: 'in-1', delayed: false, at: 0 },
      { payload: 'final', delayed: true, at: MINUTE },
    ]);
    jest.advanceTimersByTime(10 * MINUTE);
    expect(sent).toHaveLength(2);
    await coalescer.stop();
  });

  it('toggles ending opted out: the pending opt-in is dropped, an opt-out is never sent', async () => {
    const { coalescer, sent } = setup();
    coalescer.notify({ optedIn: true, payload: 'a' });
    coalescer.notify({ optedIn: false });
    coalescer.notify({ optedIn: true, payload: 'b' });
    coalescer.notify({ optedIn: false });
    jest.advanceTimersByTime(5 * MINUTE);
    expect(sent.map((s) => s.payload)).toEqual(['a']);
    // The window is over: the next opt-in goes at once.
    coalescer.notify({ optedIn: true, payload: 'c' });
    expect(sent.map((s) => s.payload)).toEqual(['a', 'c']);
    await coalescer.stop();
  });

  it('drops what is pending on stop and ignores later changes; a failed send does not break it', async () => {
    const send = jest.fn().mockRejectedValueOnce(new Error('down')).mockResolvedValue(undefined);
    const coalescer = createOptInStatusCoalescer<string>({ minIntervalMs: MINUTE, send });
    coalescer.notify({ optedIn: true, payload: 'a' });
    coalescer.notify({ optedIn: true, payload: 'b' });
    await coalescer.stop();
    coalescer.notify({ optedIn: true, payload: 'c' });
    jest.advanceTimersByTime(2 * MINUTE);
    expect(send.mock.calls.map((c) => c[0])).toEqual(['a']);
  });
});

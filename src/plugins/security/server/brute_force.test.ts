import { BruteForceGuard, type Attempt, type AttemptDecision } from './brute_force';

describe('BruteForceGuard', () => {
  let clock: number;
  const make = (options = {}) => new BruteForceGuard({ now: () => clock, ...options });
  const fail = (guard: BruteForceGuard, username: string): AttemptDecision => {
    const attempt = guard.begin(username);
    return attempt.allowed ? attempt.failed() : attempt;
  };
  beforeEach(() => {
    clock = 1_000_000;
  });

  it('allows 5 failures a minute, then refuses with retryAfterSeconds until the window passes', () => {
    const guard = make();
    for (let i = 0; i < 4; i++) {
      expect(fail(guard, 'alice')).toEqual({ allowed: true });
      clock += 1000;
    }
    expect(fail(guard, 'alice')).toEqual({ allowed: false, retryAfterSeconds: 56 });
    expect(guard.check('alice')).toEqual({ allowed: false, retryAfterSeconds: 56 });
    // The right password is refused too: begin() says no before anything is verified.
    expect(guard.begin('alice')).toEqual({ allowed: false, retryAfterSeconds: 56 });
    clock += 55_500;
    expect(guard.check('alice')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    clock += 500; // the first failure is now a minute old
    expect(guard.check('alice')).toEqual({ allowed: true });
  });

  it('is per username', () => {
    const guard = make();
    for (let i = 0; i < 5; i++) fail(guard, 'alice');
    expect(guard.check('alice').allowed).toBe(false);
    expect(guard.check('bob')).toEqual({ allowed: true });
    expect(guard.check('Alice')).toEqual({ allowed: true });
  });

  it('does not count failures older than the window', () => {
    const guard = make();
    for (let i = 0; i < 4; i++) fail(guard, 'alice');
    clock += 60_000;
    expect(fail(guard, 'alice')).toEqual({ allowed: true });
    for (let i = 0; i < 3; i++) fail(guard, 'alice');
    expect(guard.check('alice')).toEqual({ allowed: true });
    expect(fail(guard, 'alice').allowed).toBe(false);
  });

  it('counts attempts in flight, so a parallel burst cannot exceed the limit', () => {
    const guard = make();
    const burst = Array.from({ length: 8 }, () => guard.begin('alice'));
    expect(burst.filter((a) => a.allowed)).toHaveLength(5);
    expect(burst[5]).toEqual({ allowed: false, retryAfterSeconds: 1 });
    const allowed = burst.filter((a): a is Attempt => a.allowed);
    allowed.forEach((a) => a.failed());
    expect(guard.check('alice')).toEqual({ allowed: false, retryAfterSeconds: 60 });
  });

  it('a success clears the failures; each attempt reports once', () => {
    const guard = make();
    for (let i = 0; i < 4; i++) fail(guard, 'alice');
    const attempt = guard.begin('alice') as Attempt;
    attempt.succeeded();
    attempt.failed(); // ignored: already reported
    expect(guard.size).toBe(0);
    for (let i = 0; i < 4; i++) expect(fail(guard, 'alice').allowed).toBe(true);
  });

  it('bounds memory: stale entries go as time passes, the oldest beyond maxEntries', () => {
    const guard = make({ maxEntries: 3 });
    fail(guard, 'a');
    clock += 10;
    fail(guard, 'b');
    fail(guard, 'c');
    fail(guard, 'a'); // a is now the most recent
    fail(guard, 'd');
    expect(guard.size).toBe(3);
    for (let i = 0; i < 4; i++) fail(guard, 'b'); // b was evicted: its count restarted
    expect(guard.check('b')).toEqual({ allowed: true });
    clock += 60_000;
    guard.check('anyone');
    expect(guard.size).toBe(0);
  });

  it('forgets an attempt never reported after a whole window', () => {
    const guard = make({ maxFailures: 1 });
    guard.begin('alice');
    expect(guard.check('alice').allowed).toBe(false);
    clock += 60_000;
    expect(guard.check('alice').allowed).toBe(true);
  });

  it('takes its limits from options and refuses nonsense', () => {
    const guard = make({ maxFailures: 2, windowMs: 10_000 });
    fail(guard, 'x');
    expect(fail(guard, 'x')).toEqual({ allowed: false, retryAfterSeconds: 10 });
    expect(() => make({ maxFailures: 0 })).toThrow('[maxFailures]: must be a positive whole number');
  });
});

import { ReportRateLimiter } from './rate_limiter';

function limiter(maxPerMinute: number, maxClients?: number) {
  let now = 1_000_000;
  const l = new ReportRateLimiter({ maxPerMinute, maxClients, now: () => now });
  return { limiter: l, advance: (ms: number) => (now += ms) };
}

describe('ReportRateLimiter', () => {
  it('lets a client send maxPerMinute reports at once, then refuses with the seconds until the next one', () => {
    const { limiter: l, advance } = limiter(120);
    for (let i = 0; i < 120; i++) expect(l.take('a')).toBe(0);
    // One token comes back every 0.5 s.
    expect(l.take('a')).toBe(1);
    expect(l.refusedCount).toBe(1);
    advance(500);
    expect(l.take('a')).toBe(0);
    expect(l.take('a')).toBe(1);
    // Other clients have their own buckets.
    expect(l.take('b')).toBe(0);
  });

  it('says how long to wait when tokens come back slowly, and refused reports take no token', () => {
    const { limiter: l, advance } = limiter(2);
    expect(l.take('a')).toBe(0);
    expect(l.take('a')).toBe(0);
    expect(l.take('a')).toBe(30);
    advance(10_000);
    expect(l.take('a')).toBe(20);
    advance(20_000);
    expect(l.take('a')).toBe(0);
  });

  it('neither drains nor refills when its clock goes back', () => {
    const { limiter: l, advance } = limiter(2);
    expect(l.take('a')).toBe(0);
    advance(-600_000);
    expect(l.take('a')).toBe(0);
    expect(l.take('a')).toBeGreaterThanOrEqual(1);
    // Time then runs on from the latest moment seen: a token is back 30 s later, not 10 minutes later.
    advance(600_000 + 30_000);
    expect(l.take('a')).toBe(0);
  });

  it('refills to at most maxPerMinute', () => {
    const { limiter: l, advance } = limiter(3);
    l.take('a');
    advance(10 * 60_000);
    for (let i = 0; i < 3; i++) expect(l.take('a')).toBe(0);
    expect(l.take('a')).toBeGreaterThan(0);
  });

  it('keeps its table bounded: idle clients are forgotten, and past maxClients the idlest goes', () => {
    const { limiter: l, advance } = limiter(1, 1000);
    for (let i = 0; i < 5000; i++) l.take(`client-${i}`);
    expect(l.size).toBe(1000);
    // Clients idle for a minute are forgotten as others come (two per call).
    advance(60_000);
    for (let i = 0; i < 10; i++) l.take('busy');
    expect(l.size).toBe(1000 - 20 + 1);
    // A client seen recently is not the idlest: a flood of new ones evicts the others first.
    const { limiter: m } = limiter(1, 3);
    m.take('x');
    m.take('y');
    m.take('x');
    m.take('z');
    m.take('w');
    expect(m.take('x')).toBeGreaterThan(0);
    expect(m.take('y')).toBe(0);
  });
});

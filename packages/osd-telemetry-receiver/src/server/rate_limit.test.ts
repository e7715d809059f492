import { createRateLimiter } from './rate_limit';

describe('createRateLimiter', () => {
  it('allows perMinute requests per client in a window, then says how long to wait; a new window resets', () => {
    let t = 1_000_000;
    const take = createRateLimiter({ perMinute: 2, now: () => t });
    expect([take('a'), take('a'), take('b')]).toEqual([0, 0, 0]);
    t += 15_000;
    expect(take('a')).toBe(45);
    t += 45_000;
    expect(take('a')).toBe(0);
  });

  it('bounds the number of clients it tracks', () => {
    const take = createRateLimiter({ perMinute: 5, maxClients: 2, now: () => 0 });
    expect([take('a'), take('b'), take('c'), take('a')]).toEqual([0, 0, 60, 0]);
  });
});

import { compareCounters, TopCounters } from './top_counters';

describe('TopCounters', () => {
  it('keeps exactly the best `limit` of any stream, whatever the order, and counts the rest', () => {
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    for (const limit of [1, 2, 5, 64]) {
      const counters = Array.from({ length: 500 }, (_, i) => ({ id: `a:${i}`, count: Math.floor(random() * 50) }));
      const top = new TopCounters(limit);
      counters.forEach((c) => top.offer(c));
      const expected = [...counters].sort(compareCounters);
      expect(top.sorted()).toEqual(expected.slice(0, limit));
      expect(top.omittedKeys).toBe(500 - limit);
      expect(top.omittedCount).toBe(expected.slice(limit).reduce((sum, c) => sum + c.count, 0));
    }
  });

  it('keeps everything under the limit, and saturates the omitted total at the largest safe integer', () => {
    const top = new TopCounters(3);
    top.offer({ id: 'a:x', count: 1 });
    expect(top.sorted()).toEqual([{ id: 'a:x', count: 1 }]);
    const tiny = new TopCounters(0);
    tiny.offer({ id: 'a:x', count: Number.MAX_SAFE_INTEGER });
    tiny.offer({ id: 'a:y', count: Number.MAX_SAFE_INTEGER });
    expect(tiny.omittedCount).toBe(Number.MAX_SAFE_INTEGER);
    expect(tiny.omittedKeys).toBe(2);
  });
});

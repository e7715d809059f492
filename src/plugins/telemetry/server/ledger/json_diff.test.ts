import { diffJson, DIFF_LIMITS, summarize } from './json_diff';

describe('diffJson', () => {
  it('finds nothing between equal values', () => {
    const value = { a: 1, b: [1, { c: null }], d: 'x' };
    expect(diffJson(value, JSON.parse(JSON.stringify(value)))).toEqual({ changes: [], truncated: false });
  });

  it('reports changed, removed and added keys at JSON-pointer paths, in a stable order', () => {
    const before = { version: '2.19.0', plugins: { ui_metric: { count: 1 }, gone: true }, same: 1 };
    const after = { version: '2.19.1', plugins: { ui_metric: { count: 2 }, fresh: { n: 1 } }, same: 1, extra: null };
    expect(diffJson(before, after).changes).toEqual([
      { path: '/version', kind: 'changed', before: '2.19.0', after: '2.19.1' },
      { path: '/plugins/ui_metric/count', kind: 'changed', before: 1, after: 2 },
      { path: '/plugins/gone', kind: 'removed', before: true },
      { path: '/plugins/fresh', kind: 'added', after: { n: 1 } },
      { path: '/extra', kind: 'added', after: null },
    ]);
  });

  it('compares arrays index by index', () => {
    expect(diffJson({ os: [{ platform: 'linux', count: 1 }] }, { os: [{ platform: 'linux', count: 2 }, { platform: 'darwin', count: 1 }] }).changes).toEqual([
      { path: '/os/0/count', kind: 'changed', before: 1, after: 2 },
      { path: '/os/1', kind: 'added', after: { platform: 'darwin', count: 1 } },
    ]);
    expect(diffJson([1, 2, 3], [1]).changes).toEqual([
      { path: '/1', kind: 'removed', before: 2 },
      { path: '/2', kind: 'removed', before: 3 },
    ]);
  });

  it('escapes "~" and "/" in keys as RFC 6901 does, and names the root ""', () => {
    expect(diffJson({ 'a/b': { '~c': 1 } }, { 'a/b': { '~c': 2 } }).changes[0].path).toBe('/a~1b/~0c');
    expect(diffJson({ a: 1 }, [1]).changes).toEqual([{ path: '', kind: 'changed', before: { a: 1 }, after: [1] }]);
    expect(diffJson({ a: null }, { a: {} }).changes).toEqual([{ path: '/a', kind: 'changed', before: null, after: {} }]);
  });

  it('stops at maxChanges and says so', () => {
    const many = (n: number, v: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, v]));
    const capped = diffJson(many(DIFF_LIMITS.maxChanges + 500, 1), many(DIFF_LIMITS.maxChanges + 500, 2));
    expect(capped.changes).toHaveLength(DIFF_LIMITS.maxChanges);
    expect(capped.truncated).toBe(true);
    const exact = diffJson(many(10, 1), many(10, 2), { maxChanges: 10, maxValueChars: 200 });
    expect([exact.changes.length, exact.truncated]).toEqual([10, false]);
  });

  it('summarises long values so that the answer stays small', () => {
    const long = 'y'.repeat(5000);
    const [change] = diffJson({ s: 'short' }, { s: long }).changes;
    expect(change.after).toBe(`${'y'.repeat(200)}… (5000 characters)`);
    expect(summarize({ big: Array.from({ length: 1000 }, (_, i) => i) })).toBe('[object with 1 key]');
    expect(summarize(Array.from({ length: 1000 }, (_, i) => i))).toBe('[array of 1000 items]');
    expect(summarize({ small: [1, 2] })).toEqual({ small: [1, 2] });
    expect(summarize(12)).toBe(12);
  });

  it('compares two reports of 1 MB quickly, and answers at most about 1,000 small changes', () => {
    const report = (seed: number) => ({
      cluster_uuid: 'c1',
      stack_stats: {
        plugins: Object.fromEntries(
          Array.from({ length: 2000 }, (_, i) => [`collector_${i}`, { count: (i * seed) % 7, names: Array.from({ length: 5 }, (_, j) => `name-${i}-${j}-${'z'.repeat(40)}`) }])
        ),
      },
    });
    const [a, b] = [report(1), report(2)];
    expect(JSON.stringify(a).length).toBeGreaterThan(1024 * 1024 * 0.5);
    const started = Date.now();
    const diff = diffJson(a, b);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(diff.truncated).toBe(true);
    expect(diff.changes).toHaveLength(1000);
    expect(JSON.stringify(diff).length).toBeLessThan(200 * 1024);
  });
});

import { toLegacyUsage } from './stats';

describe('toLegacyUsage', () => {
  it('spreads opensearchDashboards into the root, moves reporting under xpack, merges the rest', () => {
    const usage = Object.freeze({
      opensearchDashboards: Object.freeze({ index: '.osd', dashboard: Object.freeze({ total: 1 }) }),
      reporting: { enabled: true },
      ui_metric: { myApp: [{ key: 'e', value: 1 }] },
    });
    expect(toLegacyUsage(usage)).toEqual({
      index: '.osd',
      dashboard: { total: 1 },
      xpack: { reporting: { enabled: true } },
      ui_metric: { myApp: [{ key: 'e', value: 1 }] },
    });
  });

  it('does not change the (shared, frozen) input', () => {
    const input = { opensearchDashboards: { dashboard: { total: 1 } }, dashboard: { extra: 2 } };
    const copy = JSON.parse(JSON.stringify(input));
    expect(toLegacyUsage(input)).toEqual({ dashboard: { total: 1, extra: 2 } });
    expect(input).toEqual(copy);
  });
});

describe('toLegacyUsage merging', () => {
  it('fills in keys as lodash defaultsDeep does (existing values win, objects and arrays merge by key)', () => {
    const usage = {
      first: { a: 1, nested: { keep: 'first' }, list: [1, { x: 1 }] },
      opensearchDashboards: { first: { a: 2, nested: { keep: 'ignored', added: true }, list: [5, { x: 2, y: 3 }, 7], more: 'm' } },
    };
    // opensearchDashboards spreads over what came before; the collectors after it only fill in.
    expect(toLegacyUsage(usage)).toEqual({ first: { a: 2, nested: { keep: 'ignored', added: true }, list: [5, { x: 2, y: 3 }, 7], more: 'm' } });
    const later = { opensearchDashboards: { first: { a: 2, nested: { keep: 'od' }, list: [5] } }, first: { a: 1, nested: { keep: 'x', added: true }, list: [1, { y: 3 }], extra: 'e' } };
    expect(toLegacyUsage(later)).toEqual({ first: { a: 2, nested: { keep: 'od', added: true }, list: [5, { y: 3 }], extra: 'e' } });
    expect(toLegacyUsage({ opensearchDashboards: { x: 1 }, x: { y: 2 } })).toEqual({ x: 1 });
  });

  it('passes on a result that merges with nothing without copying it, and keeps "__proto__" keys as data', () => {
    const uiMetric = Object.freeze({ app: Object.freeze([Object.freeze({ key: 'e', value: 1 })]) });
    const legacy = toLegacyUsage({ ui_metric: uiMetric, opensearchDashboards: { index: '.osd' } });
    expect(legacy.ui_metric).toBe(uiMetric);
    const proto = JSON.parse('{"__proto__": {"polluted": true}}');
    const merged = toLegacyUsage({ opensearchDashboards: { apps: { a: 1 } }, apps: proto });
    expect(Object.keys(merged.apps)).toEqual(['a', '__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(merged.apps)).toBe(Object.prototype);
  });
});

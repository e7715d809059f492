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

import { toApiFieldName, toApiFieldNames } from './api_field_names';

describe('toApiFieldName', () => {
  it('converts as upstream', () => {
    expect(toApiFieldName('clusterUuid')).toBe('cluster_uuid');
    expect(toApiFieldName('total_in_bytes')).toBe('total_bytes');
    expect(toApiFieldName('uptime_in_millis')).toBe('uptime_ms');
    expect(toApiFieldName('1m')).toBe('1m');
    expect(toApiFieldName('15m')).toBe('15m');
    expect(toApiFieldName('opensearchDashboards')).toBe('opensearch_dashboards');
  });
});

describe('toApiFieldNames', () => {
  it('without a schema renames every key, through arrays, and leaves values alone', () => {
    expect(toApiFieldNames({ aB: [{ cD: 'eF' }, 1], load: { '5m': 1 }, nil: null })).toEqual({ a_b: [{ c_d: 'eF' }, 1], load: { '5m': 1 }, nil: null });
  });

  it('with a schema keeps data keys (DYNAMIC_KEY) as they are', () => {
    const schema = {
      usage: {
        application_usage: { DYNAMIC_KEY: { clicksTotal: 'long' } },
        uiMetric: { DYNAMIC_KEY: { type: 'array', items: { key: 'keyword', value: 'long' } } },
      },
      clusterUuid: 'keyword',
    } as const;
    const value = {
      usage: {
        application_usage: { 'test-app': { clicksTotal: 1 }, 'securitySolution:overview': { clicksTotal: 2 } },
        uiMetric: { myApp: [{ key: 'openedApp', value: 1 }] },
      },
      clusterUuid: 'x',
    };
    expect(toApiFieldNames(value, schema as any)).toEqual({
      usage: {
        application_usage: { 'test-app': { clicks_total: 1 }, 'securitySolution:overview': { clicks_total: 2 } },
        ui_metric: { myApp: [{ key: 'openedApp', value: 1 }] },
      },
      cluster_uuid: 'x',
    });
  });
});

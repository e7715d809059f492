import { getIncompleteReason, isClusterOptedIn } from './util';
import type { BasicStatsPayload } from './types';

const withPlugins = (plugins: unknown) => ({ stack_stats: { opensearch_dashboards: { plugins } } });

describe('isClusterOptedIn', () => {
  it('is true only for opt_in_status === true', () => {
    expect(isClusterOptedIn(withPlugins({ telemetry: { opt_in_status: true } }))).toBe(true);
    expect(isClusterOptedIn(withPlugins({ telemetry: { opt_in_status: false } }))).toBe(false);
    expect(isClusterOptedIn(withPlugins({ telemetry: { opt_in_status: 'true' } }))).toBe(false);
    expect(isClusterOptedIn(withPlugins({ telemetry: {} }))).toBe(false);
    expect(isClusterOptedIn(withPlugins({}))).toBe(false);
    expect(isClusterOptedIn({})).toBe(false);
    expect(isClusterOptedIn(null)).toBe(false);
    expect(isClusterOptedIn('report')).toBe(false);
  });
});

describe('getIncompleteReason', () => {
  const report = (plugins?: unknown) =>
    ({ stack_stats: plugins === undefined ? {} : { opensearch_dashboards: { plugins } } }) as unknown as BasicStatsPayload;
  const health = (overrides: Record<string, unknown>) => ({
    succeeded: { count: 2, names: ['a', 'b'] },
    failed: { count: 0, names: [] },
    timed_out: { count: 0, names: [] },
    not_ready: { count: 0, names: [] },
    not_ready_timeout: { count: 0, names: [] },
    ...overrides,
  });

  it('is undefined for a complete report, with or without the health entry', () => {
    expect(getIncompleteReason(report({ usage_collector_stats: health({}) }))).toBeUndefined();
    expect(getIncompleteReason(report({ telemetry: {} }))).toBeUndefined();
  });

  it('names failed, timed out and not ready collectors', () => {
    expect(getIncompleteReason(report({ usage_collector_stats: health({ failed: { count: 1, names: ['x'] } }) }))).toBe('collectors failed: x');
    expect(
      getIncompleteReason(report({ usage_collector_stats: health({ timed_out: { count: 1, names: ['t'] }, not_ready: { count: 1, names: ['n'] } }) }))
    ).toBe('collectors timed_out: t; not_ready: n');
  });

  it('flags a report without collector data', () => {
    expect(getIncompleteReason(report())).toBe('no usage collector data');
  });
});

import { createLoggerMock } from '../../usage_collection/server/mocks';
import { createReportCache } from './report_cache';
import type { UsageStatsPayload } from './types';

const report = (plugins: Record<string, unknown> = { telemetry: {} }) =>
  ({ cluster_uuid: 'c', stack_stats: { opensearch_dashboards: { plugins } } }) as unknown as UsageStatsPayload;

describe('createReportCache', () => {
  let clock = 0;
  const make = (ttlMs = 1000) => createReportCache({ logger: createLoggerMock(), ttlMs, now: () => clock });
  beforeEach(() => (clock = 0));

  it('serves a complete report until the TTL passes', async () => {
    const cache = make();
    const collect = jest.fn().mockResolvedValue([report()]);
    await cache.get('local', collect);
    clock = 999;
    await cache.get('local', collect);
    expect(collect).toHaveBeenCalledTimes(1);
    clock = 1000;
    await cache.get('local', collect);
    expect(collect).toHaveBeenCalledTimes(2);
  });

  it('collects again on refresh, and shares one collection between concurrent callers', async () => {
    const cache = make();
    let resolve!: (r: UsageStatsPayload[]) => void;
    const collect = jest.fn(() => new Promise<UsageStatsPayload[]>((r) => (resolve = r)));
    const quick = jest.fn().mockResolvedValue([report()]);
    const a = cache.get('local', collect);
    const b = cache.get('local', collect, { refresh: true });
    resolve([report()]);
    expect(await a).toBe(await b);
    expect(collect).toHaveBeenCalledTimes(1);
    await cache.get('local', quick, { refresh: true });
    expect(quick).toHaveBeenCalledTimes(1);
  });

  it('never keeps a failure, an empty answer or a partial report', async () => {
    const cache = make();
    const failing = jest.fn().mockRejectedValue(new Error('boom'));
    await expect(cache.get('local', failing)).rejects.toThrow('boom');
    await expect(cache.get('local', failing)).rejects.toThrow('boom');
    expect(failing).toHaveBeenCalledTimes(2);

    const empty = jest.fn().mockResolvedValue([]);
    await cache.get('local', empty);
    await cache.get('local', empty);
    expect(empty).toHaveBeenCalledTimes(2);

    const partial = jest.fn().mockResolvedValue([report({ usage_collector_stats: { failed: { count: 1, names: ['x'] } } })]);
    await cache.get('local', partial);
    await cache.get('local', partial);
    expect(partial).toHaveBeenCalledTimes(2);
  });

  it('drops a fresh entry when a later refresh fails', async () => {
    const cache = make();
    await cache.get('local', async () => [report()]);
    await expect(cache.get('local', () => Promise.reject(new Error('down')), { refresh: true })).rejects.toThrow('down');
    const collect = jest.fn().mockResolvedValue([report()]);
    await cache.get('local', collect);
    expect(collect).toHaveBeenCalledTimes(1);
  });

  it('keeps nothing with a TTL of 0, and clear() drops entries', async () => {
    const off = make(0);
    const collect = jest.fn().mockResolvedValue([report()]);
    await off.get('local', collect);
    await off.get('local', collect);
    expect(collect).toHaveBeenCalledTimes(2);

    const cache = make();
    await cache.get('local', collect);
    cache.clear();
    await cache.get('local', collect);
    expect(collect).toHaveBeenCalledTimes(4);
  });

  it('clear() during a collection: the result is not kept, and the next caller collects afresh', async () => {
    const cache = make();
    let resolveStale!: (r: UsageStatsPayload[]) => void;
    const stale = cache.get('local', () => new Promise<UsageStatsPayload[]>((r) => (resolveStale = r)));
    cache.clear();
    const fresh = jest.fn().mockResolvedValue([report({ telemetry: { opt_in_status: true } })]);
    const next = cache.get('local', fresh);
    resolveStale([report()]);
    await stale;
    expect(await next).toEqual([report({ telemetry: { opt_in_status: true } })]);
    expect(fresh).toHaveBeenCalledTimes(1);
    const again = jest.fn();
    expect(await cache.get('local', again)).toEqual([report({ telemetry: { opt_in_status: true } })]);
    expect(again).not.toHaveBeenCalled();
  });
});

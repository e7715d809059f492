import { createStatsClient, StatsHttp } from './stats_client';

function fakeHttp(answer: unknown = [{ ok: true }]) {
  const calls: Array<{ path: string; body: any }> = [];
  const http: StatsHttp = {
    post: async (path, { body }) => {
      calls.push({ path, body: JSON.parse(body) });
      return answer as any;
    },
  };
  return { http, calls };
}

describe('createStatsClient', () => {
  it('asks for the last 20 minutes by default, and passes an explicit range and refresh through', async () => {
    const { http, calls } = fakeHttp();
    const client = createStatsClient(http, () => Date.parse('2026-01-01T00:20:00.000Z'));
    await expect(client.getStats({ unencrypted: true })).resolves.toEqual([{ ok: true }]);
    expect(calls[0]).toEqual({
      path: '/api/telemetry/v2/clusters/_stats',
      body: { unencrypted: true, refreshCache: false, timeRange: { min: '2026-01-01T00:00:00.000Z', max: '2026-01-01T00:20:00.000Z' } },
    });
    await client.getStats({ unencrypted: false, timeRange: { min: 1, max: 2 }, refreshCache: true });
    expect(calls[1].body).toEqual({ unencrypted: false, timeRange: { min: 1, max: 2 }, refreshCache: true });
  });

  it('posts the opt-in stats request', async () => {
    const { http, calls } = fakeHttp(['jwe']);
    await expect(createStatsClient(http).getOptInStats({ enabled: true, unencrypted: false })).resolves.toEqual(['jwe']);
    expect(calls[0]).toEqual({ path: '/api/telemetry/v2/clusters/_opt_in_stats', body: { enabled: true, unencrypted: false } });
  });

  it('rejects as the request does', async () => {
    const http: StatsHttp = { post: async () => Promise.reject(new Error('Forbidden')) };
    await expect(createStatsClient(http).getStats({ unencrypted: true })).rejects.toThrow('Forbidden');
  });
});

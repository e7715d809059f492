import { api, OsdServer, startOsdServer } from '../../../../../test/harness/osd_server';
import { storeModes } from '../../../../../test/harness/store_modes';
import { reportBody, usageTestPlugin } from './helpers';

describe.each(storeModes('stats'))('GET /api/stats on the real server (%s store)', (mode) => {
  let server: OsdServer;
  // Without a cluster, the server's uuid names the embedded store (as in the report); on a node, the node's own.
  let clusterUuid: string | null = null;
  beforeAll(async () => {
    await mode.before();
    server = await startOsdServer({
      pluginPaths: [usageTestPlugin],
      args: mode.args(),
      yaml: [
        'usageCollection:',
        '  maximumWaitTimeForAllCollectorsInS: 0',
        '  collectorFetchTimeoutInS: 1',
        'usage_test:',
        '  throwing: true',
        '  hanging: true',
        '  leaky: true',
        '',
      ].join('\n'),
    });
    clusterUuid = mode.cluster?.uuid ?? (await api(`${server.url}/api/status`)).body.uuid;
    const stored = await api(`${server.url}/api/ui_metric/report`, 'POST', {
      ...reportBody([['test-app', 'openedApp', 2]]),
    });
    expect(stored.status).toBe(200);
    const withUsage = await api(`${server.url}/api/ui_metric/report`, 'POST', {
      report: { application_usage: { 'test-app': { minutesOnScreen: 1.5, numberOfClicks: 3 } } },
    });
    expect(withUsage.status).toBe(200);
  }, 180000);
  afterAll(async () => {
    await server?.stop();
    server?.cleanup();
    await mode.after();
  });

  it('answers the base body: ops metrics and server info, snake_case, no cluster uuid', async () => {
    for (const query of ['', '?extended=false']) {
      const { status, body } = await api(`${server.url}/api/stats${query}`);
      expect(status).toBe(200);
      expect(body.cluster_uuid).toBeUndefined();
      expect(body.usage).toBeUndefined();
      expect(body.opensearch_dashboards).toEqual({
        uuid: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: expect.any(String),
        index: mode.index,
        host: '127.0.0.1',
        locale: 'en',
        transport_address: `127.0.0.1:${server.port}`,
        version: expect.any(String),
        snapshot: false,
        status: 'green',
      });
      expect(body.process).toMatchObject({ memory: { heap: { total_bytes: expect.any(Number) } }, uptime_ms: expect.any(Number), pid: expect.any(Number) });
      expect(body.os.load).toEqual({ '1m': expect.any(Number), '5m': expect.any(Number), '15m': expect.any(Number) });
      expect(body.response_times).toEqual({ avg_ms: expect.any(Number), max_ms: expect.any(Number) });
      expect(body.requests).toMatchObject({ total: expect.any(Number), disconnects: expect.any(Number) });
      expect(typeof body.concurrent_connections).toBe('number');
      expect(new Date(body.last_updated).toISOString()).toBe(body.last_updated);
      expect(typeof body.collection_interval_ms).toBe('number');
    }
  });

  it('with extended, adds cluster_uuid and every usage collector; data keys keep their spelling', async () => {
    for (const query of ['?extended', '?extended=true']) {
      const { status, body } = await api(`${server.url}/api/stats${query}`);
      expect(status).toBe(200);
      expect(body).toHaveProperty('cluster_uuid', clusterUuid);
      const { usage } = body;
      expect(Object.keys(usage)).toEqual(
        expect.arrayContaining(['ui_metric', 'application_usage', 'opensearch_dashboards', 'stack_management', 'core', 'test_healthy', 'usage_collector_stats'])
      );
      expect(usage.ui_metric['test-app']).toEqual([{ key: 'openedApp', value: 2 }]);
      // Nothing left out of a small store: no budget note.
      expect(usage.ui_metric['ui_metric:omitted']).toBeUndefined();
      expect(usage.application_usage['test-app']).toMatchObject({ clicks_total: 3, minutes_on_screen_90_days: 1.5 });
      expect(usage.test_healthy).toEqual({ count: 7, app_name: 'healthy' });
      expect(usage.opensearch_dashboards).toMatchObject({ index: mode.index, dashboard: { total: 0 }, index_pattern: { total: 0 } });
      // Stats collectors are not usage.
      expect(usage.opensearch_dashboards_stats).toBeUndefined();
    }
  });

  it('isolates a collector that throws, one that never answers, and one that reports undeclared fields', async () => {
    const started = Date.now();
    const { status, body, text } = await api(`${server.url}/api/stats?extended`);
    expect(status).toBe(200);
    // The hung collector costs at most its 1 s budget.
    expect(Date.now() - started).toBeLessThan(3000);
    const stats = body.usage.usage_collector_stats;
    expect(stats.failed.names).toEqual(['test_throws']);
    expect(stats.timed_out.names).toEqual(['test_hangs']);
    expect(stats.succeeded.names).toEqual(expect.arrayContaining(['test_healthy', 'test_leaky', 'ui_metric']));
    expect(body.usage.test_throws).toBeUndefined();
    expect(body.usage.test_hangs).toBeUndefined();

    expect(body.usage.test_leaky).toEqual({ count: 3, nested: { ok: true }, by_app: { 'test-app': { clicks: 2 } } });
    expect(body.usage.test_wrong_type).toEqual({});
    for (const secret of ['someone@example.com', 'secret-token', '10.0.0.1', 'email', 'token', 'wrong_type":1']) {
      expect(text).not.toContain(secret);
    }
    const leaky = stats.collectors.find((c: { name: string }) => c.name === 'test_leaky');
    expect(leaky).toMatchObject({ status: 'succeeded', dropped_fields: 4, invalid_values: 0 });
    expect(stats.collectors.find((c: { name: string }) => c.name === 'test_wrong_type')).toMatchObject({ invalid_values: 1 });
    expect(stats.dropped_fields).toBe(4);
  });

  it('with legacy, keeps keys as they are, spreads opensearchDashboards and says clusterUuid', async () => {
    const { body } = await api(`${server.url}/api/stats?extended&legacy`);
    expect(body).toHaveProperty('clusterUuid', clusterUuid);
    expect(body.cluster_uuid).toBeUndefined();
    expect(body.usage.index).toBe(mode.index);
    expect(body.usage.dashboard).toEqual({ total: 0 });
    expect(body.usage.opensearchDashboards).toBeUndefined();
    expect(body.usage.test_healthy).toEqual({ count: 7, appName: 'healthy' });
    expect(body.usage.test_leaky.byApp).toEqual({ 'test-app': { clicks: 2 } });
    // The base body is snake_case whatever the flags.
    expect(body.opensearch_dashboards.status).toBe('green');
  });

  it('with exclude_usage, answers an empty usage but still the cluster uuid', async () => {
    for (const query of ['?extended&exclude_usage', '?extended=true&exclude_usage=true', '?extended&legacy&exclude_usage']) {
      const { status, body } = await api(`${server.url}/api/stats${query}`);
      expect(status).toBe(200);
      expect(body.usage).toEqual({});
      expect(body.cluster_uuid === clusterUuid || body.clusterUuid === clusterUuid).toBe(true);
    }
  });

  it('refuses unknown query values with a 400 naming the parameter', async () => {
    const { status, body } = await api(`${server.url}/api/stats?extended=maybe`);
    expect(status).toBe(400);
    expect(body.message).toContain('[request query.extended]');
  });
});

describe('GET /api/stats while collectors are not ready', () => {
  let server: OsdServer;
  afterEach(async () => {
    await server?.stop();
    server?.cleanup();
  });

  it('answers 503 with upstream message, and data once maximumWaitTimeForAllCollectorsInS has passed', async () => {
    server = await startOsdServer({
      pluginPaths: [usageTestPlugin],
      args: ['--usage_test.notReady=true', '--usageCollection.maximumWaitTimeForAllCollectorsInS=2'],
    });
    const notReady = await api(`${server.url}/api/stats?extended`);
    expect(notReady.status).toBe(503);
    expect(notReady.body.message).toBe('Stats are not ready yet. Please try again later.');
    // Usage not asked for: no readiness wait.
    expect((await api(`${server.url}/api/stats?extended&exclude_usage`)).status).toBe(200);
    expect((await api(`${server.url}/api/stats`)).status).toBe(200);

    await new Promise((r) => setTimeout(r, 2100));
    const ready = await api(`${server.url}/api/stats?extended`);
    expect(ready.status).toBe(200);
    expect(ready.body.usage.test_not_ready).toBeUndefined();
    expect(ready.body.usage.usage_collector_stats.not_ready.names).toEqual(['test_not_ready']);
  });
});

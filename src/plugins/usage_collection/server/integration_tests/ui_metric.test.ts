import { ADMIN_AUTH_HEADERS, api, OsdServer, startOsdServer } from '../../../../../test/harness/osd_server';
import { storeModes } from '../../../../../test/harness/store_modes';
import { countsFromUsage, disableDependantsOfUsageCollection, reportBody, serverPerTest, testPlugin, UNTHROTTLED_ARGS, uiMetric, usageTestPlugin } from './helpers';

// 50 reporters on one address send more than a browser would: the per-client limit is lifted.
const baseArgs = ['--usageCollection.maximumWaitTimeForAllCollectorsInS=0', ...UNTHROTTLED_ARGS];

async function storedCounts(server: OsdServer) {
  const { status, body } = await api(`${server.url}/api/stats?extended&legacy`);
  expect(status).toBe(200);
  return countsFromUsage(body.usage.ui_metric);
}

describe.each(storeModes('ui_metric'))('POST /api/ui_metric/report on the real server (%s store)', (mode) => {
  const servers = serverPerTest(mode, baseArgs);
  let server: OsdServer;

  it('validates reports: 400 naming the field, ":" in an app name, and the xsrf header', async () => {
    server = await servers.start();
    const url = `${server.url}/api/ui_metric/report`;
    const badSum = await api(url, 'POST', { report: { uiStatsMetrics: { a: { ...uiMetric('app', 'e', 1), stats: { min: 0, max: 1, sum: 'x', avg: 1 } } } } });
    expect(badSum.status).toBe(400);
    expect(badSum.body.message).toBe('[request body.report.uiStatsMetrics.a.stats.sum]: expected value of type [number] but got [string]');
    const badType = await api(url, 'POST', { report: { uiStatsMetrics: { a: uiMetric('app', 'e', 1, 'hover') } } });
    expect(badType.status).toBe(400);
    expect(badType.body.message).toContain('[request body.report.uiStatsMetrics.a.type]');
    const colon = await api(url, 'POST', reportBody([['my:app', 'e', 1]]));
    expect(colon.status).toBe(400);
    expect(colon.body.message).toContain('appName]: must not contain ":"');
    const noXsrf = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...ADMIN_AUTH_HEADERS }, body: JSON.stringify(reportBody([['a', 'b', 1]])) });
    expect(noXsrf.status).toBe(400);
    expect(await storedCounts(server)).toEqual({});
  });

  it('counts `<appName>:<eventName>` by stats.sum, user agents by report, and keeps ":" in event names', async () => {
    server = await servers.start();
    const url = `${server.url}/api/ui_metric/report`;
    // Keyed as the browser reporter keys it: the record key names the counter (upstream's id).
    const userAgent = {
      'opensearchDashboards-user_agent': { key: 'opensearchDashboards-user_agent', type: 'user_agent', appName: 'opensearchDashboards', userAgent: 'Mozilla/5.0 (X11)' },
    };
    expect((await api(url, 'POST', reportBody([['console', 'GET:_search', 3], ['console', 'opened_app', 1]], { userAgent }))).body).toEqual({ status: 'ok' });
    expect((await api(url, 'POST', reportBody([['console', 'opened_app', 4]], { userAgent }))).status).toBe(200);
    expect(await storedCounts(server)).toEqual({
      console: { 'GET:_search': 3, opened_app: 5 },
      'opensearchDashboards-user_agent': { 'Mozilla/5.0 (X11)': 2 },
    });
  });

  it('gives exact totals for 50 concurrent reporters, and keeps them across a restart', async () => {
    server = await servers.start();
    const url = `${server.url}/api/ui_metric/report`;
    const expected: Record<string, Record<string, number>> = {};
    const reporter = async (r: number) => {
      for (let i = 0; i < 10; i++) {
        const metrics: Array<[string, string, number]> = [];
        for (let m = 0; m < 20; m++) {
          const app = `app${(r + m) % 5}`;
          const event = `event_${(r * 7 + i * 3 + m) % 40}`;
          const sum = 1 + ((r + i + m) % 4);
          if (metrics.some(([a, e]) => a === app && e === event)) continue;
          metrics.push([app, event, sum]);
          expected[app] ??= {};
          expected[app][event] = (expected[app][event] ?? 0) + sum;
        }
        const { status } = await api(url, 'POST', reportBody(metrics));
        expect(status).toBe(200);
      }
    };
    await Promise.all(Array.from({ length: 50 }, (_, r) => reporter(r)));
    expect(await storedCounts(server)).toEqual(expected);

    const dataPath = server.dataPath;
    expect(await server.stop()).toBe(0);
    server = await servers.start([], { dataPath });
    expect(await storedCounts(server)).toEqual(expected);

    if (mode.name === 'opensearch') {
      // Straight from the node: one `ui-metric` document per counter, with the same totals.
      const fromIndex: Record<string, Record<string, number>> = {};
      for (const hit of await mode.search('ui-metric')) {
        const id = hit._id.replace(/^ui-metric:/, '');
        const colon = id.indexOf(':');
        (fromIndex[id.slice(0, colon)] ??= {})[id.slice(colon + 1)] = hit._source['ui-metric'].count;
      }
      expect(fromIndex).toEqual(expected);
    }
  });

  it('does not serve the route when usageCollection.uiMetric.enabled is false', async () => {
    server = await servers.start(['--usageCollection.uiMetric.enabled=false']);
    expect((await api(`${server.url}/api/ui_metric/report`, 'POST', reportBody([['a', 'b', 1]]))).status).toBe(404);
    expect((await api(`${server.url}/api/stats?extended`)).status).toBe(200);
  });
});

describe('usageCollection.enabled: false', () => {
  it('leaves the plugin out; plugins that list it as optional keep working', async () => {
    const server = await startOsdServer({
      pluginPaths: [testPlugin, usageTestPlugin],
      args: ['--usageCollection.enabled=false', '--usageCollection.uiMetric.enabled=true', ...disableDependantsOfUsageCollection()],
    });
    try {
      const status = await api(`${server.url}/api/status?v8format=true`);
      expect(status.status).toBe(200);
      expect(status.body.status.plugins.usageCollection).toBeUndefined();
      expect(status.body.status.plugins.usageTestPlugin.level).toBe('available');
      expect((await api(`${server.url}/api/test_plugin/hello`)).status).toBe(200);
      expect((await api(`${server.url}/api/stats`)).status).toBe(404);
      expect((await api(`${server.url}/api/ui_metric/report`, 'POST', reportBody([['a', 'b', 1]]))).status).toBe(404);
      expect(server.output()).toContain('usageCollection is disabled: no test collectors');
    } finally {
      await server.stop();
      server.cleanup();
    }
  });
});

import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { anonymousApi, api, basicAuthHeader, startOsdServer, type OsdServer } from '../../../../../test/harness/osd_server';
import { storeModes } from '../../../../../test/harness/store_modes';
import {
  appDay,
  dayBefore,
  ledgerReport,
  seedInsightsEmbedded,
  seedInsightsOpenSearch,
  uiMetric,
  uiMetricDay,
  usageCounter,
  type SeedObject,
} from './seed_insights';

/*
 * The API on a real server and both stores, over data written into the store before the server starts:
 * who may call it (401, 403 naming the privilege), what it refuses (400 naming the field), and the exact
 * aggregated answers.
 */
const NOW = Date.now();
const day = (ago: number) => dayBefore(NOW, ago);
const ROUTES = ['/applications', '/ui_events', '/usage_counters', '/reports', '/collectors'];

function seedData(): SeedObject[] {
  return [
    // alpha: d + 1 clicks and 2 minutes on each of the last 10 days; beta: 1 click, 0.5 minutes on even days.
    ...Array.from({ length: 10 }, (_, d) => appDay('alpha', day(d), 2, d + 1)),
    ...[0, 2, 4, 6, 8].map((d) => appDay('beta', day(d), 0.5, 1)),
    appDay('gamma', day(40), 100, 100),
    uiMetric('app_a', 'click_x', 500),
    uiMetric('app_a', 'view', 300),
    uiMetric('app_b', 'open', 100),
    uiMetricDay('app_a', 'click_x', day(0), 5),
    uiMetricDay('app_a', 'click_x', day(3), 7),
    uiMetricDay('app_a', 'click_x', day(20), 11),
    uiMetricDay('app_a', 'click_x', day(40), 13),
    uiMetricDay('app_b', 'open', day(1), 2),
    usageCounter('core', 'saved_objects.get', day(0), 4),
    usageCounter('core', 'saved_objects.get', day(10), 6),
    usageCounter('core', 'settings.post', day(2), 1),
    usageCounter('dashboards', 'open', day(0), 2, 'click'),
    ledgerReport('r-1', new Date(NOW - 2 * 86400000).toISOString(), 'sent', 2048),
    ledgerReport('r-2', new Date(NOW - 86400000).toISOString(), 'failed', 4096),
  ];
}

describe.each(storeModes('usage_insights_api'))('usage insights API (%s store)', (mode) => {
  let server: OsdServer;
  const dataPath = mkdtempSync(join(tmpdir(), 'osd-data-'));
  const url = (path: string) => `${server.url}/api/usage_insights${path}`;

  beforeAll(async () => {
    await mode.before();
    if (mode.name === 'opensearch') {
      await mode.reset();
      await seedInsightsOpenSearch(mode.node!.url, mode.index, seedData());
    } else {
      await seedInsightsEmbedded(dataPath, seedData());
    }
    server = await startOsdServer({ dataPath, args: [...mode.args(), '--usageCollection.maximumWaitTimeForAllCollectorsInS=0'] });
  }, 180000);
  afterAll(async () => {
    await server?.stop();
    rmSync(dataPath, { recursive: true, force: true });
    await mode.after();
  });

  it('answers 401 to anonymous callers and 403 naming usage_insights:read to a viewer', async () => {
    expect((await api(`${server.url}/api/security/users/insights-viewer`, 'PUT', { password: 'viewer-password', roles: ['viewer'] })).status).toBe(200);
    const viewer = { authorization: basicAuthHeader('insights-viewer', 'viewer-password') };
    for (const route of ROUTES) {
      expect([route, (await anonymousApi(url(route))).status]).toEqual([route, 401]);
      const asViewer = await api(url(route), 'GET', undefined, viewer);
      expect([route, asViewer.status, asViewer.body.message]).toEqual([route, 403, 'Forbidden: missing privilege [usage_insights:read]']);
    }
  });

  it.each([
    ['/applications?days=0', 'query.days'],
    ['/applications?days=91', 'query.days'],
    ['/applications?days=abc', 'query.days'],
    ['/applications?days=1.5', 'query.days'],
    ['/usage_counters?days=-3', 'query.days'],
    ['/ui_events?limit=0', 'query.limit'],
    ['/ui_events?limit=101', 'query.limit'],
    ['/applications?days=7&extra=1', 'query.extra'],
  ])('answers 400 naming the field for %s', async (path, field) => {
    const { status, body } = await api(url(path));
    expect(status).toBe(400);
    expect(body.message).toContain(`[request ${field}]`);
  });

  it('sums minutes and clicks per application per day over the window asked', async () => {
    const week = await api(url('/applications?days=7'));
    expect(week.status).toBe(200);
    expect(week.body).toMatchObject({ days: 7, from: day(6), to: day(0), truncated: false });
    // alpha: 1..7 clicks on days 0..6, 2 minutes each; beta: days 0, 2, 4, 6. gamma is 40 days old.
    const days = Array.from({ length: 7 }, (_, i) => day(6 - i));
    expect(week.body.dates).toEqual(days);
    expect(week.body.apps).toEqual([
      { appId: 'alpha', minutesOnScreen: 14, numberOfClicks: 28, daily: { minutesOnScreen: [2, 2, 2, 2, 2, 2, 2], numberOfClicks: [7, 6, 5, 4, 3, 2, 1] } },
      { appId: 'beta', minutesOnScreen: 2, numberOfClicks: 4, daily: { minutesOnScreen: [0.5, 0, 0.5, 0, 0.5, 0, 0.5], numberOfClicks: [1, 0, 1, 0, 1, 0, 1] } },
    ]);
    const quarter = await api(url('/applications?days=90'));
    expect(quarter.body.apps.map((a: { appId: string }) => a.appId)).toEqual(['gamma', 'alpha', 'beta']);
    expect(quarter.body.dates).toHaveLength(90);
    expect(quarter.body.apps[0]).toMatchObject({ appId: 'gamma', minutesOnScreen: 100, numberOfClicks: 100 });
    expect(quarter.body.apps[0].daily.numberOfClicks[90 - 1 - 40]).toBe(100);
  });

  it('lists the top UI events with their 7-day, 30-day and all-time counts', async () => {
    const { status, body } = await api(url('/ui_events?limit=2'));
    expect(status).toBe(200);
    expect(body).toEqual({
      limit: 2,
      daily: true,
      events: [
        { appName: 'app_a', eventName: 'click_x', last7Days: 12, last30Days: 23, allTime: 500 },
        { appName: 'app_a', eventName: 'view', last7Days: 0, last30Days: 0, allTime: 300 },
      ],
    });
  });

  it('totals usage counters by domain and day', async () => {
    const week = await api(url('/usage_counters?days=7'));
    expect(week.status).toBe(200);
    expect(week.body.domains).toEqual([
      {
        domainId: 'core',
        total: 5,
        counters: [
          { counterName: 'saved_objects.get', counterType: 'count', total: 4 },
          { counterName: 'settings.post', counterType: 'count', total: 1 },
        ],
      },
      { domainId: 'dashboards', total: 2, counters: [{ counterName: 'open', counterType: 'click', total: 2 }] },
    ]);
    expect(week.body.series).toEqual(
      expect.arrayContaining([
        { domainId: 'core', date: day(0), count: 4 },
        { domainId: 'core', date: day(2), count: 1 },
        { domainId: 'dashboards', date: day(0), count: 2 },
      ])
    );
    const month = await api(url('/usage_counters?days=30'));
    expect(month.body.domains[0]).toMatchObject({ domainId: 'core', total: 11 });
  });

  it('shows the ledger timeline, oldest first, and the health of every collector', async () => {
    const reports = await api(url('/reports'));
    expect(reports.status).toBe(200);
    expect(reports.body.available).toBe(true);
    expect(reports.body.reports.map((r: { id: string; status: string; sizeBytes: number }) => [r.id, r.status, r.sizeBytes])).toEqual([
      ['r-1', 'sent', 2048],
      ['r-2', 'failed', 4096],
    ]);
    const collectors = await api(url('/collectors'));
    expect(collectors.status).toBe(200);
    const names = collectors.body.collectors.map((c: { name: string }) => c.name);
    expect(names).toEqual(expect.arrayContaining(['ui_metric', 'application_usage']));
    for (const c of collectors.body.collectors) {
      expect(['ok', 'not ready', 'timed out', 'failed']).toContain(c.status);
      expect(c.fetchDurationMs).toBeGreaterThanOrEqual(0);
    }
  });
});

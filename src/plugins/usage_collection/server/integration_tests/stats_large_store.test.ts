import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { seedEmbedded, seededCount, seedOpenSearch, type SeedData } from '../../../../../bench/lib/seed_usage';
import { api, OsdServer, startOsdServer } from '../../../../../test/harness/osd_server';
import { storeModes } from '../../../../../test/harness/store_modes';
import { UI_METRIC_MAX_KEYS, UI_METRIC_OMITTED_APP } from '../collectors/ui_metric/ui_metric_collector';

/*
 * A store larger than the report's budget, with corrupt counters, on the real server and both stores:
 * the collectors read it page by page (keyset scans) and report within the budget; the corrupt counters
 * are skipped and counted, and the store refuses to add to them. Speed is the stats_large_store bench's.
 */
const KEYS = UI_METRIC_MAX_KEYS + 1000;
const APPS = 3;
const DAYS = 10;
// Data an older server could have stored; both stores accept these values for an `integer` field.
const CORRUPT = [
  { type: 'ui-metric', id: 'app_corrupt:text', attributes: { count: '12' } },
  { type: 'ui-metric', id: 'app_corrupt:fraction', attributes: { count: 2.5 } },
];

/** What the budget keeps and leaves out of the seeded counters: the largest counts, ties to the smaller id. */
function expectedSelection() {
  const all = Array.from({ length: KEYS }, (_, i) => ({ id: `app_${i % 200}:event_${i}`, count: seededCount(i) }));
  all.sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const omitted = all.slice(UI_METRIC_MAX_KEYS);
  return { kept: all.slice(0, UI_METRIC_MAX_KEYS), omittedCount: omitted.reduce((sum, c) => sum + c.count, 0), omittedKeys: omitted.length };
}

type UiMetric = Record<string, Array<{ key: string; value: number }>>;

describe.each(storeModes('stats_large_store'))('collection on a store past the report budget (%s store)', (mode) => {
  let server: OsdServer;
  const dataPath = mkdtempSync(join(tmpdir(), 'osd-data-'));
  beforeAll(async () => {
    await mode.before();
    const seed: SeedData = { keys: KEYS, apps: APPS, days: DAYS, extra: CORRUPT };
    if (mode.name === 'opensearch') {
      await mode.reset();
      await seedOpenSearch({ nodeUrl: mode.node!.url, index: mode.index, ...seed });
    } else {
      await seedEmbedded({ dataPath, ...seed });
    }
    server = await startOsdServer({ dataPath, args: [...mode.args(), '--usageCollection.maximumWaitTimeForAllCollectorsInS=0'] });
  }, 180000);
  afterAll(async () => {
    await server?.stop();
    rmSync(dataPath, { recursive: true, force: true });
    await mode.after();
  });

  it('/api/stats reports the largest counters within the budget and says what it left out', async () => {
    const { status, body } = await api(`${server.url}/api/stats?extended=true&legacy=true`);
    expect(status).toBe(200);
    const uiMetric: UiMetric = body.usage.ui_metric;
    const { kept, omittedKeys, omittedCount } = expectedSelection();
    expect(uiMetric[UI_METRIC_OMITTED_APP]).toEqual([
      { key: 'keys', value: omittedKeys },
      { key: 'count', value: omittedCount },
      { key: 'invalid', value: CORRUPT.length },
    ]);
    const reported = Object.entries(uiMetric)
      .filter(([app]) => app !== UI_METRIC_OMITTED_APP)
      .flatMap(([app, entries]) => entries.map(({ key, value }) => ({ id: `${app}:${key}`, count: value })));
    expect(reported).toHaveLength(UI_METRIC_MAX_KEYS);
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    expect([...reported].sort(byId)).toEqual([...kept].sort(byId));
    // Within each application, largest first.
    for (const [app, entries] of Object.entries(uiMetric)) {
      if (app === UI_METRIC_OMITTED_APP) continue;
      const values = entries.map((e) => e.value);
      expect(values).toEqual([...values].sort((a, b) => b - a));
    }
    expect(uiMetric.app_corrupt).toBeUndefined();

    const usage = body.usage.application_usage;
    expect(Object.keys(usage).sort()).toEqual(['bench_app_0', 'bench_app_1', 'bench_app_2']);
    // Daily documents of the last 10 days: 1 + (a + d) % 20 clicks on day d.
    const clicks = (a: number, days: number) => Array.from({ length: days }, (_, d) => 1 + ((a + d) % 20)).reduce((x, y) => x + y, 0);
    expect(usage.bench_app_1).toMatchObject({ clicks_total: clicks(1, DAYS), clicks_90_days: clicks(1, DAYS), clicks_7_days: clicks(1, 7) });
    expect(body.usage.usage_collector_stats.succeeded.names).toEqual(expect.arrayContaining(['ui_metric', 'application_usage']));
  });

  it('the telemetry report carries the same bounded ui_metric', async () => {
    const { status, body } = await api(`${server.url}/api/telemetry/v2/clusters/_stats`, 'POST', { unencrypted: true, refreshCache: true });
    expect(status).toBe(200);
    const uiMetric: UiMetric = body[0].stack_stats.opensearch_dashboards.plugins.ui_metric;
    expect(uiMetric[UI_METRIC_OMITTED_APP]).toContainEqual({ key: 'invalid', value: CORRUPT.length });
    expect(Object.values(uiMetric).reduce((n, entries) => n + entries.length, 0)).toBe(UI_METRIC_MAX_KEYS + 3);
  });

  it('keeps counting: a report raises a seeded counter, and a new one joins the report only if it makes the cut', async () => {
    const report = (metrics: Array<[string, string, number]>) => ({
      report: {
        reportVersion: 1,
        uiStatsMetrics: Object.fromEntries(
          metrics.map(([appName, eventName, sum]) => [`${appName}-click-${eventName}`, { key: `${appName}-click-${eventName}`, type: 'click', appName, eventName, stats: { min: 0, max: sum, sum, avg: sum } }])
        ),
      },
    });
    // event_0 has count 1 (the smallest), so it is left out until it is raised past the cut.
    expect((await api(`${server.url}/api/ui_metric/report`, 'POST', report([['app_0', 'event_0', 5000], ['tiny', 'new', 1]]))).status).toBe(200);
    const { body } = await api(`${server.url}/api/stats?extended=true&legacy=true`);
    const uiMetric: UiMetric = body.usage.ui_metric;
    expect(uiMetric.app_0[0]).toEqual({ key: 'event_0', value: 5001 });
    expect(uiMetric.tiny).toBeUndefined();
  });
});

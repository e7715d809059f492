/*
 * Usage counters on the real server and both stores: core's own API use counted (`core` domain), flushed
 * and reported by the `usage_counters` collector; flushed on a clean stop; an acknowledged flush kept
 * through `kill -9`; daily ui-metric counts within the key cap; the types out of the saved-objects API.
 */
import Database from 'better-sqlite3';
import { join } from 'path';
import { api, OsdServer } from '../../../../../test/harness/osd_server';
import { storeModes, type StoreMode } from '../../../../../test/harness/store_modes';
import { reportBody, serverPerTest, UNTHROTTLED_ARGS } from './helpers';

interface DailyEvent {
  domainId: string;
  counterName: string;
  counterType: string;
  lastUpdatedAt: string;
  fromTimestamp: string;
  total: number;
}

const today = () => new Date().toISOString().slice(0, 10);

/** `{ counterName: total }` of today's `core` counters, as `/api/stats?extended&legacy` reports them. */
async function coreCounts(server: OsdServer): Promise<Record<string, number>> {
  const { status, body } = await api(`${server.url}/api/stats?extended=true&legacy=true`);
  expect(status).toBe(200);
  const events: DailyEvent[] = body.usage.usage_counters?.dailyEvents ?? [];
  const counts: Record<string, number> = {};
  for (const e of events) if (e.domainId === 'core' && e.fromTimestamp.startsWith(today())) counts[e.counterName] = e.total;
  return counts;
}

/** Polls until `ready(counts)`; the counts are in the store once reported (the collector reads the store). */
async function waitForCounts(server: OsdServer, ready: (counts: Record<string, number>) => boolean, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await coreCounts(server);
    if (ready(counts)) return counts;
    if (Date.now() > deadline) throw new Error(`counts never became ready: ${JSON.stringify(counts)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The attributes of a (hidden) object straight from the mode's store, or undefined. */
async function readStored(mode: StoreMode, server: OsdServer, type: string, id: string): Promise<Record<string, unknown> | undefined> {
  if (mode.name === 'opensearch') {
    const hit = (await mode.search(type)).find((h) => h._id === `${type}:${id}`);
    return hit?._source[type];
  }
  const db = new Database(join(server.dataPath, 'saved_objects.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare('SELECT attributes FROM saved_objects WHERE raw_id = ?').get(`${type}:${id}`) as { attributes: string } | undefined;
    return row ? JSON.parse(row.attributes) : undefined;
  } finally {
    db.close();
  }
}

describe.each(storeModes('usage_counters'))('usage counters on the real server (%s store)', (mode) => {
  const servers = serverPerTest(mode, [
    '--usageCollection.maximumWaitTimeForAllCollectorsInS=0',
    '--usageCollection.usageCounters.bufferDurationMs=200',
    '--usageCollection.uiMetric.maxKeys=3',
    ...UNTHROTTLED_ARGS,
  ]);
  let server: OsdServer;

  it('counts core API calls by method, reports them under usage_counters, and flushes on a clean stop', async () => {
    server = await servers.start();
    const { url } = server;
    for (let i = 0; i < 3; i++) expect((await api(`${url}/api/saved_objects/_find?type=config`)).status).toBe(200);
    expect((await api(`${url}/api/saved_objects/config/nope`)).status).toBe(404);
    expect((await api(`${url}/api/opensearch-dashboards/settings`)).status).toBe(200);
    expect((await api(`${url}/api/opensearch-dashboards/settings/dateFormat`, 'POST', { value: 'YYYY' })).status).toBe(200);
    expect((await api(`${url}/api/opensearch-dashboards/settings/dateFormat`, 'DELETE')).status).toBe(200);

    const counts = await waitForCounts(server, (c) => c['savedObjects.find'] === 3 && c['uiSettings.delete'] === 1);
    expect(counts).toEqual({ 'savedObjects.find': 3, 'savedObjects.get': 1, 'uiSettings.get': 1, 'uiSettings.set': 1, 'uiSettings.delete': 1 });

    // The entry in upstream's shape, and in snake_case without `legacy`, as the rest of the report.
    const legacy = await api(`${url}/api/stats?extended=true&legacy=true`);
    expect(legacy.body.usage.usage_counters.dailyEvents).toContainEqual({
      domainId: 'core',
      counterName: 'savedObjects.find',
      counterType: 'count',
      lastUpdatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      fromTimestamp: `${today()}T00:00:00.000Z`,
      total: 3,
    });
    const snake = await api(`${url}/api/stats?extended=true`);
    expect(snake.body.usage.usage_counters.daily_events).toContainEqual(expect.objectContaining({ domain_id: 'core', counter_name: 'savedObjects.find', total: 3 }));

    // Calls right before a clean stop: flushed on stop, kept through the restart.
    await api(`${url}/api/saved_objects/_find?type=config`);
    await api(`${url}/api/saved_objects/_find?type=config`);
    const dataPath = server.dataPath;
    await server.stop();
    server = await servers.start([], { dataPath });
    const after = await coreCounts(server);
    expect(after['savedObjects.find']).toBe(5);
    expect(after['uiSettings.get']).toBe(1);
  }, 120000);

  it('keeps out of the saved-objects API: clients can neither read nor write the counters', async () => {
    server = await servers.start();
    const { url } = server;
    await api(`${url}/api/saved_objects/_find?type=config`);
    await waitForCounts(server, (c) => c['savedObjects.find'] >= 1);
    const id = `core:savedObjects.find:count:${today()}`;
    expect((await api(`${url}/api/saved_objects/usage-counters/${encodeURIComponent(id)}`)).status).toBe(404);
    const forged = await api(`${url}/api/saved_objects/usage-counters/${encodeURIComponent(id)}?overwrite=true`, 'POST', { attributes: { count: 1e6 } });
    expect(forged.status).toBe(400);
    expect((await api(`${url}/api/saved_objects/usage-counters/${encodeURIComponent(id)}`, 'DELETE')).status).toBe(404);
    expect((await api(`${url}/api/saved_objects/_find?type=usage-counters`)).body.total).toBe(0);
    const stored = await readStored(mode, server, 'usage-counters', id);
    expect(stored).toEqual({ domainId: 'core', counterName: 'savedObjects.find', counterType: 'count', date: today(), count: expect.any(Number) });
    expect(stored!.count).toBeLessThan(1e6);
  }, 120000);

  it('loses no acknowledged flush to kill -9', async () => {
    server = await servers.start();
    const { url, dataPath } = server;
    for (let i = 0; i < 7; i++) await api(`${url}/api/saved_objects/_find?type=config`);
    await api(`${url}/api/opensearch-dashboards/settings`);
    // Reported = read back from the store: the flush holding them was acknowledged.
    const acknowledged = await waitForCounts(server, (c) => c['savedObjects.find'] === 7 && c['uiSettings.get'] === 1);
    await server.kill9();
    server = await servers.start([], { dataPath });
    const after = await coreCounts(server);
    expect(after).toEqual(acknowledged);
  }, 120000);

  it('keeps a daily count per stored ui-metric counter (flushed with the usage counters), within the key cap (maxKeys=3)', async () => {
    server = await servers.start();
    const { url } = server;
    const post = (body: unknown) => api(`${url}/api/ui_metric/report`, 'POST', body);
    expect((await post(reportBody([['app1', 'GET:_search', 2], ['app1', 'e2', 1]]))).status).toBe(200);
    const agent = { userAgent: { 'app1-user_agent': { key: 'other-key', type: 'user_agent', appName: 'app1', userAgent: 'UA/1' } } };
    // A third counter (the user agent, named by its record key) fills the cap; then e4 is dropped.
    expect((await post(reportBody([['app1', 'GET:_search', 3]], agent))).status).toBe(200);
    expect((await post(reportBody([['app1', 'e4', 1], ['app1', 'e2', 1]]))).status).toBe(200);
    expect((await api(`${url}/api/saved_objects/_find?type=ui-metric-daily`)).body.total).toBe(0);
    const day = today();
    // Daily counts are buffered with the usage counters (bufferDurationMs=200): wait for a flush to store them.
    const deadline = Date.now() + 20000;
    const stored = server;
    const flushed = async () => (await readStored(mode, stored, 'ui-metric-daily', `app1:e2:${day}`))?.count === 2;
    while (!(await flushed())) {
      if (Date.now() > deadline) throw new Error('the daily counts were never flushed');
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(await readStored(mode, server, 'ui-metric-daily', `app1:GET:_search:${day}`)).toEqual({ appName: 'app1', eventName: 'GET:_search', date: day, count: 5 });
    expect(await readStored(mode, server, 'ui-metric-daily', `app1:e2:${day}`)).toEqual({ appName: 'app1', eventName: 'e2', date: day, count: 2 });
    expect(await readStored(mode, server, 'ui-metric-daily', `app1-user_agent:UA/1:${day}`)).toEqual({ appName: 'app1-user_agent', eventName: 'UA/1', date: day, count: 1 });
    expect(await readStored(mode, server, 'ui-metric', 'app1-user_agent:UA/1')).toEqual({ count: 1 });
    expect(await readStored(mode, server, 'ui-metric', 'app1:e4')).toBeUndefined();
    expect(await readStored(mode, server, 'ui-metric-daily', `app1:e4:${day}`)).toBeUndefined();
  }, 120000);
});

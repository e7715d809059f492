/*
 * What POST /api/ui_metric/report refuses or drops, on the real server and both stores: counts that are
 * not non-negative safe integers, names too long or holding control characters, counters that would pass
 * Number.MAX_SAFE_INTEGER, new names past the caps, and clients past the rate limit.
 */
import { ADMIN_AUTH_HEADERS, api, basicAuthHeader, OsdServer, runServerToExit } from '../../../../../test/harness/osd_server';
import { storeModes } from '../../../../../test/harness/store_modes';
import { countsFromUsage, postFrom, reportBody, serverPerTest, UNTHROTTLED_ARGS, uiMetric } from './helpers';

const MAX = Number.MAX_SAFE_INTEGER;

async function usage(server: OsdServer) {
  const { status, body } = await api(`${server.url}/api/stats?extended&legacy`);
  expect(status).toBe(200);
  return body.usage;
}

/** A report whose only metric has these stats (by default a valid one of sum 1). */
const withStats = (stats: Record<string, unknown>) => ({ report: { uiStatsMetrics: { a: { ...uiMetric('app', 'e', 1), stats: { min: 0, max: 1, sum: 1, avg: 1, ...stats } } } } });
const withUsage = (appId: string, entry: Record<string, unknown>) => ({
  report: { application_usage: { [appId]: { minutesOnScreen: 1, numberOfClicks: 1, ...entry } } },
});
const withAgent = (key: string, userAgent: string) => ({ report: { userAgent: { u: { key, type: 'user_agent', appName: 'x', userAgent } } } });

describe.each(storeModes('ui_metric_limits'))('ui-metric ingest limits on the real server (%s store)', (mode) => {
  const servers = serverPerTest(mode, ['--usageCollection.maximumWaitTimeForAllCollectorsInS=0']);
  let server: OsdServer | undefined;
  const start = async (extra: string[] = [], dataPath?: string) => (server = await servers.start(extra, { dataPath }));

  it('answers 400 naming the field for counts that are not non-negative safe integers, and stores none of them', async () => {
    const { url } = await start(UNTHROTTLED_ARGS);
    const post = (body: unknown) => api(`${url}/api/ui_metric/report`, 'POST', body);
    const sum = '[request body.report.uiStatsMetrics.a.stats.sum]';
    const cases: Array<[unknown, string]> = [
      [withStats({ sum: 0.5 }), `${sum}: must be an integer`],
      [withStats({ sum: 1e20 }), `${sum}: Value must be equal to or lower than [${MAX}].`],
      [withStats({ sum: '7' }), `${sum}: expected value of type [number] but got [string]`],
      [withStats({ sum: 1.7e308 }), `${sum}: Value must be equal to or lower than [${MAX}].`],
      [withStats({ sum: -3 }), `${sum}: Value must be equal to or greater than [0].`],
      [withStats({ avg: 'x' }), '[request body.report.uiStatsMetrics.a.stats.avg]: expected value of type [number] but got [string]'],
      [withUsage('home', { numberOfClicks: 0.5 }), '[request body.report.application_usage.home.numberOfClicks]: must be an integer'],
      [withUsage('home', { numberOfClicks: '2' }), '[request body.report.application_usage.home.numberOfClicks]: expected value of type [number] but got [string]'],
      [withUsage('home', { minutesOnScreen: -1 }), '[request body.report.application_usage.home.minutesOnScreen]: Value must be equal to or greater than [0].'],
    ];
    for (const [body, message] of cases) {
      const response = await post(body);
      expect([response.status, response.body.message]).toEqual([400, message]);
    }
    // Two 1.7e308 in one report, and a literal 1e400 (Infinity once parsed).
    const twoHuge = await post({ report: { uiStatsMetrics: { a: uiMetric('app', 'e', 1.7e308), b: uiMetric('app', 'f', 1.7e308) } } });
    expect(twoHuge.status).toBe(400);
    expect(twoHuge.body.message).toContain('stats.sum]: Value must be equal to or lower than');
    const infinite = await fetch(`${url}/api/ui_metric/report`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'osd-xsrf': 'test', ...ADMIN_AUTH_HEADERS },
      body: '{"report":{"application_usage":{"home":{"minutesOnScreen":1e400,"numberOfClicks":1}}}}',
    });
    expect(infinite.status).toBe(400);
    expect((await infinite.json()).message).toBe('[request body.report.application_usage.home.minutesOnScreen]: must be a finite number');

    const stored = await usage(server!);
    expect(countsFromUsage(stored.ui_metric)).toEqual({});
    expect(stored.application_usage ?? {}).toEqual({});
    if (mode.name === 'opensearch') expect(await mode.search('ui-metric')).toEqual([]);
  });

  it('answers 400 for names over 256 characters or with control characters: app and event names, user agents, application ids', async () => {
    const { url } = await start(UNTHROTTLED_ARGS);
    const post = (body: unknown) => api(`${url}/api/ui_metric/report`, 'POST', body);
    const long = 'n'.repeat(257);
    const cases: Array<[unknown, string]> = [
      [reportBody([[long, 'e', 1]]), 'appName]: must be at most 256 characters'],
      [reportBody([['app', long, 1]]), 'eventName]: must be at most 256 characters'],
      [reportBody([['app', 'e\u0000vil', 1]]), 'eventName]: must not contain control characters'],
      [reportBody([['a\u001b[2Japp', 'e', 1]]), 'appName]: must not contain control characters'],
      [withAgent('opensearchDashboards-user_agent', `Mozilla/5.0 ${long}`), '[request body.report.userAgent.u.userAgent]: must be at most 256 characters'],
      [withAgent('k\r\nX-Injected: 1', 'Mozilla/5.0'), '[request body.report.userAgent.u.key]: must not contain control characters'],
      [withUsage(long, {}), `[request body.report.application_usage]: application id "${'n'.repeat(40)}…" must be at most 256 characters`],
      [withUsage('home\n', {}), '[request body.report.application_usage]: application id "home\\u000a" must not contain control characters'],
    ];
    for (const [body, message] of cases) {
      const response = await post(body);
      expect(response.status).toBe(400);
      expect(response.body.message).toContain(message);
    }
    // 256 characters is still a name.
    expect((await post(reportBody([['app', 'e'.repeat(256), 2]]))).status).toBe(200);
    expect(countsFromUsage((await usage(server!)).ui_metric)).toEqual({ app: { ['e'.repeat(256)]: 2 } });
  });

  it('never wraps a counter: a report that would carry one past MAX_SAFE_INTEGER is refused, alone or summed with others', async () => {
    const { url } = await start(UNTHROTTLED_ARGS);
    const post = (body: unknown) => api(`${url}/api/ui_metric/report`, 'POST', body);
    // The same counter twice in one report (a click and a count metric of one event).
    const twice = { report: { uiStatsMetrics: { a: uiMetric('app', 'twice', MAX - 1), b: uiMetric('app', 'twice', MAX - 1, 'count') } } };
    const refused = await post(twice);
    expect(refused.status).toBe(400);
    expect(refused.body.message).toBe(`The increments would raise counter [ui-metric:app:twice] (count) past ${MAX} in one commit; none of this call's increments were stored`);
    // Past the batch, the store holds the bound: a safe integer in SQLite; in OpenSearch the mapping's
    // `integer` (upstream's `count` mapping), which refuses a larger value with a 400 of its own.
    const bound = mode.name === 'opensearch' ? 2 ** 31 - 1 : MAX;
    // Two reports at once: whether they share a commit or not, one is stored and one refused.
    const together = await Promise.all([post(reportBody([['app', 'big', bound - 1]])), post(reportBody([['app', 'big', bound - 1]]))]);
    expect(together.map((r) => r.status).sort()).toEqual([200, 400]);
    // Up to the bound, and not one past it.
    expect((await post(reportBody([['app', 'big', 2]]))).status).toBe(400);
    expect((await post(reportBody([['app', 'big', 1]]))).status).toBe(200);
    const past = await post(reportBody([['app', 'big', 1]]));
    expect(past.status).toBe(400);
    expect(past.body.message).toContain('ui-metric:app:big');
    expect(countsFromUsage((await usage(server!)).ui_metric)).toEqual({ app: { big: bound } });
  });

  it('caps distinct counters and applications: past the caps new names are dropped (200, counted, logged once), stored ones keep counting, across a restart', async () => {
    const caps = [...UNTHROTTLED_ARGS, '--usageCollection.uiMetric.maxKeys=3', '--usageCollection.applicationUsage.maxApps=1'];
    const { url, dataPath } = await start(caps);
    const post = (body: unknown) => api(`${url}/api/ui_metric/report`, 'POST', body);
    const home = { home: { minutesOnScreen: 1, numberOfClicks: 1 } };
    expect((await post(reportBody([['a', '1', 1], ['a', '2', 1]], { application_usage: home }))).body).toEqual({ status: 'ok' });
    const second = await post(reportBody([['a', '1', 1], ['a', '3', 1], ['a', '4', 1], ['a', '5', 1]], { application_usage: { ...home, discover: { minutesOnScreen: 2, numberOfClicks: 2 } } }));
    expect(second.body).toEqual({ status: 'ok' });
    let stored = await usage(server!);
    expect(countsFromUsage(stored.ui_metric)).toEqual({ a: { '1': 2, '2': 1, '3': 1 } });
    expect(Object.keys(stored.application_usage)).toEqual(['home']);
    expect(stored.application_usage.home).toMatchObject({ clicks_total: 2 });
    expect(stored.usage_collector_stats.ingest).toEqual({ dropped_ui_metric_keys: 2, dropped_applications: 1, throttled_reports: 0 });
    expect(server!.output().match(/usageCollection\.uiMetric\.maxKeys \(3\) reached/g)).toHaveLength(1);
    expect(server!.output().match(/usageCollection\.applicationUsage\.maxApps \(1\) reached/g)).toHaveLength(1);

    // A restart reads the stored names back: the caps still hold, and the stored counters still count.
    expect(await server!.stop()).toBe(0);
    await start(caps, dataPath);
    const again = await api(`${server!.url}/api/ui_metric/report`, 'POST', reportBody([['a', '6', 1], ['a', '2', 5]], { application_usage: { docs: { minutesOnScreen: 1, numberOfClicks: 1 } } }));
    expect(again.status).toBe(200);
    stored = await usage(server!);
    expect(countsFromUsage(stored.ui_metric)).toEqual({ a: { '1': 2, '2': 6, '3': 1 } });
    expect(Object.keys(stored.application_usage)).toEqual(['home']);
    expect(stored.usage_collector_stats.ingest).toMatchObject({ dropped_ui_metric_keys: 1, dropped_applications: 1 });
  });

  it('reads the names of a large store at start (12,000 counters, past a search window), then holds the cap', async () => {
    const { url, dataPath } = await start([...UNTHROTTLED_ARGS, '--usageCollection.uiMetric.maxKeys=20000']);
    const total = 12000;
    const perReport = 100;
    const send = async (first: number) => {
      const metrics: Array<[string, string, number]> = [];
      for (let i = first; i < first + perReport; i++) metrics.push([`app${i % 10}`, `event_${i}`, 1]);
      expect((await api(`${url}/api/ui_metric/report`, 'POST', reportBody(metrics))).status).toBe(200);
    };
    for (let first = 0; first < total; first += perReport * 8) {
      await Promise.all(Array.from({ length: 8 }, (_, j) => first + j * perReport).filter((f) => f < total).map(send));
    }
    expect(await server!.stop()).toBe(0);

    await start([...UNTHROTTLED_ARGS, `--usageCollection.uiMetric.maxKeys=${total}`], dataPath);
    // Counters stored anywhere in the store keep counting; a new one is dropped.
    const body = reportBody([['app9', 'event_11999', 4], ['app0', 'event_0', 2], ['app0', 'brand_new', 1]]);
    expect((await api(`${server!.url}/api/ui_metric/report`, 'POST', body)).status).toBe(200);
    const stored = await usage(server!);
    const counts = countsFromUsage(stored.ui_metric);
    expect(counts.app9.event_11999).toBe(5);
    expect(counts.app0.event_0).toBe(3);
    // (The ui_metric collector may list only the top counters: the drop is read from the ingest stats.)
    expect(counts.app0.brand_new).toBeUndefined();
    expect(stored.usage_collector_stats.ingest.dropped_ui_metric_keys).toBe(1);
  });

  it('with security off, limits reports per client address: 429 with Retry-After and a JSON message past maxReportsPerMinute, other addresses go on', async () => {
    const { url } = await start(['--security.enabled=false', '--usageCollection.uiMetric.maxReportsPerMinute=3']);
    const report = `${url}/api/ui_metric/report`;
    for (let i = 0; i < 3; i++) expect((await api(report, 'POST', reportBody([['app', 'e', 1]]))).status).toBe(200);
    const limited = await fetch(report, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'osd-xsrf': 'test' },
      body: JSON.stringify(reportBody([['app', 'e', 1]])),
    });
    expect(limited.status).toBe(429);
    // 3 a minute: the next token is 20 s away.
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(19);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(20);
    expect(limited.headers.get('content-type')).toContain('application/json');
    expect(await limited.json()).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: expect.stringMatching(/^Too many ui-metric reports from this client: at most 3 per minute; retry in (19|20) s$/),
    });
    // Another address is another client.
    expect((await postFrom('127.0.0.2', report, reportBody([['app', 'e', 10]]))).status).toBe(200);
    const stored = await usage(server!);
    expect(countsFromUsage(stored.ui_metric)).toEqual({ app: { e: 13 } });
    expect(stored.usage_collector_stats.ingest.throttled_reports).toBe(1);
  });

  it('with security on, limits each user (or session, or API key) on its own, whatever the address', async () => {
    const { url } = await start(['--usageCollection.uiMetric.maxReportsPerMinute=2']);
    const report = `${url}/api/ui_metric/report`;
    expect((await api(`${url}/api/security/users/reporter`, 'PUT', { password: 'reporter-password', roles: ['viewer'] })).status).toBe(200);
    const asReporter = { authorization: basicAuthHeader('reporter', 'reporter-password') };
    for (let i = 0; i < 2; i++) expect((await api(report, 'POST', reportBody([['app', 'e', 1]]))).status).toBe(200);
    expect((await api(report, 'POST', reportBody([['app', 'e', 1]]))).status).toBe(429);
    // Same address, another user: its own budget.
    for (let i = 0; i < 2; i++) expect((await api(report, 'POST', reportBody([['app', 'e', 1]]), asReporter)).status).toBe(200);
    expect((await api(report, 'POST', reportBody([['app', 'e', 1]]), asReporter)).status).toBe(429);
  });
});

describe('ingest limit config', () => {
  it('refuses to start with a limit below its minimum, naming the key', async () => {
    const { code, output } = await runServerToExit({ args: ['--usageCollection.uiMetric.maxReportsPerMinute=0'] });
    expect(code).not.toBe(0);
    expect(output).toContain('[usageCollection.uiMetric.maxReportsPerMinute]: Value must be equal to or greater than [1].');
  });
});

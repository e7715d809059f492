import { ADMIN_AUTH_HEADERS, anonymousApi, api, OsdServer, startOsdServer } from '../../../../../test/harness/osd_server';

const VERSION = /^\d+\.\d+\.\d+$/;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('GET /api/status on the real server', () => {
  let server: OsdServer;
  beforeAll(async () => {
    // A short ops interval, so a request shows up in the status codes within a few polls.
    server = await startOsdServer({ args: ['--ops.interval=200ms'] });
  });
  afterAll(async () => {
    await server?.stop();
    server?.cleanup();
  });

  it('answers upstream\'s legacy format by default, with the fields and types upstream\'s API test checks', async () => {
    const { status, body, headers } = await api(`${server.url}/api/status`);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/json/);
    expect(typeof body.name).toBe('string');
    expect(body.uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.version.number).toMatch(VERSION);
    expect(typeof body.version.build_hash).toBe('string');
    expect(typeof body.version.build_number).toBe('number');
    expect(typeof body.version.build_snapshot).toBe('boolean');

    expect(body.status.overall).toEqual({ state: 'green', title: 'Green', nickname: 'Looking good', icon: 'success', uiColor: 'secondary', since: expect.any(String) });
    expect(new Date(body.status.overall.since).toISOString()).toBe(body.status.overall.since);
    expect(Array.isArray(body.status.statuses)).toBe(true);
    const ids = body.status.statuses.map((s: { id: string }) => s.id);
    const v = body.version.number;
    expect(ids).toEqual(expect.arrayContaining([`core:opensearch@${v}`, `core:savedObjects@${v}`, `plugin:usageCollection@${v}`, `plugin:telemetry@${v}`]));
    for (const component of body.status.statuses) {
      expect(Object.keys(component).sort()).toEqual(['icon', 'id', 'message', 'since', 'state', 'uiColor']);
      expect(component).toMatchObject({ state: 'green', icon: 'success', uiColor: 'secondary', message: expect.any(String) });
    }

    const { metrics } = body;
    expect(typeof metrics.collection_interval_in_millis).toBe('number');
    expect(new Date(metrics.last_updated).toISOString()).toBe(metrics.last_updated);
    for (const field of ['total_in_bytes', 'used_in_bytes', 'size_limit']) expect(typeof metrics.process.memory.heap[field]).toBe('number');
    for (const window of ['1m', '5m', '15m']) expect(typeof metrics.os.load[window]).toBe('number');
    expect(metrics.response_times.avg_in_millis).not.toBeNull();
    expect(metrics.response_times.max_in_millis).not.toBeNull();
    expect(typeof metrics.requests.total).toBe('number');
    expect(typeof metrics.requests.disconnects).toBe('number');
    expect(typeof metrics.requests.status_codes).toBe('object');
    expect(typeof metrics.concurrent_connections).toBe('number');
    expect((await api(`${server.url}/api/status?v8format=false`)).body.status.overall.state).toBe('green');
  });

  it('answers exactly the v8 shape with v8format=true', async () => {
    const { status, body } = await api(`${server.url}/api/status?v8format=true`);
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['metrics', 'name', 'status', 'uuid', 'version']);
    expect(Object.keys(body.status).sort()).toEqual(['core', 'overall', 'plugins']);
    expect(body.status.overall).toEqual({ level: 'available', summary: expect.any(String) });
    expect(Object.keys(body.status.core).sort()).toEqual(['opensearch', 'savedObjects']);
    expect(body.status.plugins.usageCollection).toEqual({ level: 'available', summary: expect.any(String) });
    for (const entry of [...Object.values(body.status.core), ...Object.values(body.status.plugins)] as Array<Record<string, unknown>>) {
      expect(['level', 'summary', 'detail', 'meta']).toEqual(expect.arrayContaining(Object.keys(entry)));
      expect(['available', 'degraded', 'unavailable', 'critical']).toContain(entry.level);
    }
    expect((await api(`${server.url}/api/status?v8format=yes`)).status).toBe(400);
  });

  it('counts the requests of the last ops interval per status code, a 404 included', async () => {
    expect((await api(`${server.url}/api/status_of_nothing`)).status).toBe(404);
    expect((await api(`${server.url}/api/status`)).status).toBe(200);
    // The counts are per interval: poll until a sample that saw the 404 is the latest one.
    let codes: Record<string, number> = {};
    const deadline = Date.now() + 10000;
    while (!codes['404'] && Date.now() < deadline) {
      codes = (await api(`${server.url}/api/status`)).body.metrics.requests.status_codes;
      if (!codes['404']) await sleep(50);
    }
    expect(codes['404']).toBeGreaterThanOrEqual(1);
    expect(codes['200']).toBeGreaterThanOrEqual(1);
    const { requests } = (await api(`${server.url}/api/status`)).body.metrics;
    expect(requests.statusCodes).toEqual(requests.status_codes);
    // A later interval without 404s no longer counts it.
    const later = Date.now() + 10000;
    while (codes['404'] && Date.now() < later) {
      await sleep(100);
      codes = (await api(`${server.url}/api/status`)).body.metrics.requests.status_codes;
    }
    expect(codes['404']).toBeUndefined();
  });

  it('tells an anonymous caller the overall level only, in the format asked for', async () => {
    const legacy = await anonymousApi(`${server.url}/api/status`);
    expect(legacy.status).toBe(200);
    expect(legacy.body).toEqual({
      status: { overall: { state: 'green', title: 'Green', nickname: 'Looking good', icon: 'success', uiColor: 'secondary', since: expect.any(String) } },
    });
    const v8 = await anonymousApi(`${server.url}/api/status?v8format=true`);
    expect(v8.body).toEqual({ status: { overall: { level: 'available' } } });
  });

  it('serves pages with the default Content-Security-Policy', async () => {
    const policy = "script-src 'unsafe-eval' 'self'; worker-src blob: 'self'; style-src 'unsafe-inline' 'self'";
    for (const [path, headers] of [['/app/home', ADMIN_AUTH_HEADERS], ['/login', {}]] as const) {
      const page = await fetch(`${server.url}${path}`, { headers, redirect: 'manual' });
      expect([path, page.status]).toEqual([path, 200]);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.headers.get('content-security-policy')).toBe(policy);
    }
    // Not a page: no policy.
    expect((await api(`${server.url}/api/status`)).headers.get('content-security-policy')).toBeNull();
  });
});

describe('GET /api/status with status.allowAnonymous: true', () => {
  it('gives anonymous callers the whole answer', async () => {
    const server = await startOsdServer({ args: ['--status.allowAnonymous=true'] });
    try {
      const { body } = await anonymousApi(`${server.url}/api/status`);
      expect(body).toMatchObject({ name: expect.any(String), uuid: expect.any(String), status: { overall: { state: 'green' } } });
      expect(body.status.statuses.length).toBeGreaterThan(2);
      expect(body.metrics.requests).toHaveProperty('status_codes');
    } finally {
      await server.stop();
      server.cleanup();
    }
  });
});

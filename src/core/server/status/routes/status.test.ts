import { BehaviorSubject, of } from 'rxjs';
import { HttpService } from '../../http';
import { AuthStatus } from '../../http/lifecycle';
import { silentLogger, testHttpConfig } from '../../http/test_utils';
import type { OpsMetrics } from '../../metrics';
import { StatusService } from '../status_service';
import { ServiceStatus, ServiceStatusLevels } from '../types';
import { isStatusRedacted, registerStatusRoute, statusMetricsOf } from './status';

const sample: OpsMetrics = {
  collected_at: new Date('2024-05-01T10:00:00.000Z'),
  process: { memory: { heap: { total_in_bytes: 10, used_in_bytes: 5, size_limit: 100 }, resident_set_size_in_bytes: 20 }, event_loop_delay: 1, pid: 42, uptime_in_millis: 1000 },
  os: { platform: 'linux', platformRelease: 'linux-6', load: { '1m': 0.1, '5m': 0.2, '15m': 0.3 }, memory: { total_in_bytes: 8, free_in_bytes: 3, used_in_bytes: 5 }, uptime_in_millis: 5000 },
  response_times: { avg_in_millis: 2, max_in_millis: 9 },
  requests: { total: 3, disconnects: 0, statusCodes: { 200: 2, 404: 1 } },
  concurrent_connections: 0,
};

describe('isStatusRedacted', () => {
  it('redacts only for callers authentication did not recognise, unless anonymous callers are allowed', () => {
    expect(isStatusRedacted(AuthStatus.unauthenticated, false)).toBe(true);
    expect(isStatusRedacted(AuthStatus.unauthenticated, true)).toBe(false);
    expect(isStatusRedacted(AuthStatus.authenticated, false)).toBe(false);
    // No auth handler (security off): the whole answer, as before.
    expect(isStatusRedacted(AuthStatus.unknown, false)).toBe(false);
  });
});

describe('statusMetricsOf', () => {
  it('carries the counts per status code under upstream\'s two names, and nothing before the first sample', () => {
    const metrics = statusMetricsOf(sample, 5000) as any;
    expect(metrics.last_updated).toBe('2024-05-01T10:00:00.000Z');
    expect(metrics.collection_interval_in_millis).toBe(5000);
    expect(metrics.requests).toEqual({ total: 3, disconnects: 0, statusCodes: { 200: 2, 404: 1 }, status_codes: { 200: 2, 404: 1 } });
    expect(metrics.collected_at).toBeUndefined();
    expect(statusMetricsOf(undefined, 5000)).toEqual({});
  });
});

describe('GET /api/status with an auth handler', () => {
  async function start(allowAnonymous: boolean, pluginStatus?: ServiceStatus) {
    const http = new HttpService(testHttpConfig, silentLogger);
    const setup = http.setup();
    setup.setCoreContextFactory(() => ({ savedObjects: { client: null, typeRegistry: null, getClient: () => null }, uiSettings: { client: null } }));
    setup.registerAuth((req, _res, t) => (req.headers.authorization === 'Bearer ok' ? t.authenticated({ state: {} }) : t.notHandled()));
    const status = new StatusService();
    const statusSetup = status.setup();
    statusSetup.forPlugin('a', []);
    if (pluginStatus) statusSetup.forPlugin('b', ['a']).set(new BehaviorSubject(pluginStatus));
    status.start();
    registerStatusRoute({
      router: setup.createRouter(),
      status,
      metrics: { collectionInterval: 5000, getOpsMetrics$: () => of(sample) },
      serverInfo: { name: 'srv', uuid: 'u-1', version: '2.19.0-SNAPSHOT', buildNum: 1, buildSha: 'sha' },
      auth: setup.auth,
      allowAnonymous,
    });
    await http.start();
    const url = `http://127.0.0.1:${setup.getServerInfo().port}/api/status`;
    const get = async (query = '', authorized = true) => {
      const res = await fetch(`${url}${query}`, { headers: authorized ? { authorization: 'Bearer ok' } : {} });
      return { status: res.status, body: await res.json() };
    };
    return { stop: async () => (await http.stop(), status.stop()), get };
  }

  it('answers upstream\'s legacy format by default, and with v8format=false', async () => {
    const { stop, get } = await start(false, { level: ServiceStatusLevels.degraded, summary: 'b is slow' });
    try {
      for (const query of ['', '?v8format=false']) {
        const { status, body } = await get(query);
        expect(status).toBe(200);
        expect(body.name).toBe('srv');
        expect(body.version).toEqual({ number: '2.19.0', build_hash: 'sha', build_number: 1, build_snapshot: true });
        expect(body.status.overall).toEqual({ state: 'yellow', title: 'Yellow', nickname: "I'll be back", icon: 'warning', uiColor: 'warning', since: expect.any(String) });
        expect(body.status.statuses.map((s: { id: string; state: string }) => [s.id, s.state])).toEqual([
          ['core:savedObjects@2.19.0', 'green'],
          ['core:opensearch@2.19.0', 'green'],
          ['plugin:a@2.19.0', 'green'],
          ['plugin:b@2.19.0', 'yellow'],
        ]);
        expect(body.status.statuses[3]).toEqual({ id: 'plugin:b@2.19.0', state: 'yellow', message: 'b is slow', icon: 'warning', uiColor: 'warning', since: expect.any(String) });
        expect(body.metrics.requests.status_codes).toEqual({ 200: 2, 404: 1 });
      }
    } finally {
      await stop();
    }
  });

  it('answers the v8 format with v8format=true: levels and summaries only', async () => {
    const { stop, get } = await start(false);
    try {
      const { body } = await get('?v8format=true');
      expect(Object.keys(body).sort()).toEqual(['metrics', 'name', 'status', 'uuid', 'version']);
      expect(body.status).toEqual({
        overall: { level: 'available', summary: 'All services are available' },
        core: {
          savedObjects: { level: 'available', summary: 'SavedObjects service is ready' },
          opensearch: { level: 'available', summary: 'OpenSearch is not configured; the embedded store is in use' },
        },
        plugins: { a: { level: 'available', summary: 'All dependencies are available' } },
      });
      expect((await get('?v8format=maybe')).status).toBe(400);
    } finally {
      await stop();
    }
  });

  it('tells an anonymous caller the overall level only, in the format asked for', async () => {
    const { stop, get } = await start(false);
    try {
      const legacy = await get('', false);
      expect(legacy.status).toBe(200);
      expect(legacy.body).toEqual({
        status: { overall: { state: 'green', title: 'Green', nickname: 'Looking good', icon: 'success', uiColor: 'secondary', since: expect.any(String) } },
      });
      expect((await get('?v8format=true', false)).body).toEqual({ status: { overall: { level: 'available' } } });
    } finally {
      await stop();
    }
  });

  it('gives anonymous callers everything with status.allowAnonymous', async () => {
    const { stop, get } = await start(true);
    try {
      const { body } = await get('', false);
      expect(body).toMatchObject({ name: 'srv', uuid: 'u-1' });
      expect(body.status.statuses).toHaveLength(3);
    } finally {
      await stop();
    }
  });

  it('answers 503 when a plugin is unavailable, in either format and to anyone', async () => {
    const { stop, get } = await start(false, { level: ServiceStatusLevels.unavailable, summary: 'b is down' });
    try {
      for (const query of ['', '?v8format=true']) {
        expect((await get(query)).status).toBe(503);
        expect((await get(query, false)).status).toBe(503);
      }
    } finally {
      await stop();
    }
  });
});

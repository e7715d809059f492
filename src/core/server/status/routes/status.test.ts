import { EMPTY } from 'rxjs';
import { HttpService } from '../../http';
import { AuthStatus } from '../../http/lifecycle';
import { silentLogger, testHttpConfig } from '../../http/test_utils';
import { StatusService } from '../status_service';
import { isStatusRedacted, registerStatusRoute } from './status';

describe('isStatusRedacted', () => {
  it('redacts only for callers authentication did not recognise, unless anonymous callers are allowed', () => {
    expect(isStatusRedacted(AuthStatus.unauthenticated, false)).toBe(true);
    expect(isStatusRedacted(AuthStatus.unauthenticated, true)).toBe(false);
    expect(isStatusRedacted(AuthStatus.authenticated, false)).toBe(false);
    // No auth handler (security off): the whole answer, as before.
    expect(isStatusRedacted(AuthStatus.unknown, false)).toBe(false);
  });
});

describe('GET /api/status with an auth handler', () => {
  async function start(allowAnonymous: boolean) {
    const http = new HttpService(testHttpConfig, silentLogger);
    const setup = http.setup();
    setup.setCoreContextFactory(() => ({ savedObjects: { client: null, typeRegistry: null, getClient: () => null }, uiSettings: { client: null } }));
    setup.registerAuth((req, _res, t) => (req.headers.authorization === 'Bearer ok' ? t.authenticated({ state: {} }) : t.notHandled()));
    const status = new StatusService();
    status.setup();
    status.start();
    registerStatusRoute({
      router: setup.createRouter(),
      status,
      metrics: { getOpsMetrics$: () => EMPTY } as any,
      serverInfo: { name: 'srv', uuid: 'u-1', version: '2.19.0', buildNum: 1, buildSha: 'sha', buildSnapshot: false },
      opsIntervalMs: 5000,
      auth: setup.auth,
      allowAnonymous,
    });
    await http.start();
    return { http, status, url: `http://127.0.0.1:${setup.getServerInfo().port}/api/status` };
  }

  it('tells an anonymous caller the overall level only, and an authenticated one everything', async () => {
    const { http, status, url } = await start(false);
    try {
      const anonymous = await fetch(url);
      expect(anonymous.status).toBe(200);
      expect(await anonymous.json()).toEqual({ status: { overall: { level: 'available' } } });
      const known = await (await fetch(url, { headers: { authorization: 'Bearer ok' } })).json();
      expect(known).toMatchObject({ name: 'srv', uuid: 'u-1', version: { number: '2.19.0' } });
      expect(known.status.overall.level).toBe('available');
    } finally {
      await http.stop();
      status.stop();
    }
  });

  it('gives anonymous callers everything with status.allowAnonymous', async () => {
    const { http, status, url } = await start(true);
    try {
      expect(await (await fetch(url)).json()).toMatchObject({ name: 'srv', uuid: 'u-1' });
    } finally {
      await http.stop();
      status.stop();
    }
  });
});

import { rmSync } from 'fs';
import { api, startOsdServer } from '../../../../../test/harness/osd_server';
import { storeModes } from '../../../../../test/harness/store_modes';
import { countsFromUsage, reportBody, UNTHROTTLED_ARGS } from './helpers';

const baseArgs = ['--usageCollection.maximumWaitTimeForAllCollectorsInS=0', ...UNTHROTTLED_ARGS];

describe.each(storeModes('kill9'))('kill -9 during ui metric load (%s store)', (mode) => {
  beforeAll(() => mode.before(), 180000);
  afterAll(() => mode.after());

  it('loses no acknowledged count', async () => {
    const args = [...baseArgs, ...mode.args()];
    let server = await startOsdServer({ args });
    const dataPath = server.dataPath;
    try {
      const url = `${server.url}/api/ui_metric/report`;
      const acknowledged = new Map<string, number>();
      const sent = new Map<string, number>();
      let stop = false;
      let acknowledgedReports = 0;

      const client = async (c: number) => {
        for (let i = 0; !stop; i++) {
          const metrics: Array<[string, string, number]> = [];
          for (let m = 0; m < 10; m++) metrics.push([`app${m % 4}`, `event_${(c + i + m * 5) % 50}`, 1 + ((c + m) % 3)]);
          const unique = [...new Map(metrics.map((x) => [`${x[0]}:${x[1]}`, x])).values()];
          for (const [app, event, sum] of unique) sent.set(`${app}:${event}`, (sent.get(`${app}:${event}`) ?? 0) + sum);
          try {
            const { status } = await api(url, 'POST', reportBody(unique));
            if (status !== 200) continue;
          } catch {
            // The server died with this request in flight: not acknowledged.
            return;
          }
          acknowledgedReports++;
          for (const [app, event, sum] of unique) acknowledged.set(`${app}:${event}`, (acknowledged.get(`${app}:${event}`) ?? 0) + sum);
        }
      };

      const clients = Array.from({ length: 32 }, (_, c) => client(c));
      // On OpenSearch a commit is acknowledged once searchable (refresh `wait_for`, about 1 s per commit,
      // one commit at a time): 1.5 s would acknowledge only the first commit, so the load runs longer.
      await new Promise((r) => setTimeout(r, mode.name === 'opensearch' ? 6000 : 1500));
      await server.kill9();
      stop = true;
      await Promise.all(clients);
      expect(acknowledgedReports).toBeGreaterThan(50);

      server = await startOsdServer({ args, dataPath });
      const { body } = await api(`${server.url}/api/stats?extended&legacy`);
      const stored = countsFromUsage(body.usage.ui_metric);
      for (const [id, count] of acknowledged) {
        const [app, event] = id.split(':');
        const value = stored[app]?.[event] ?? 0;
        // Every acknowledged increment is there; at most the unacknowledged ones in flight were added too.
        expect(value).toBeGreaterThanOrEqual(count);
        expect(value).toBeLessThanOrEqual(sent.get(id)!);
      }
    } finally {
      await server.stop();
      rmSync(dataPath, { recursive: true, force: true });
    }
  });
});

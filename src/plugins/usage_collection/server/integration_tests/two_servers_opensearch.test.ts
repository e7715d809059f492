/*
 * Two server processes on ONE OpenSearch node (one saved-objects index), 40 concurrent clients split across
 * both posting ui metrics: the totals are exact, read through either server's `/api/stats` and straight
 * from the node's index.
 */
import { api, OsdServer, startOsdServer } from '../../../../../test/harness/osd_server';
import { openSearchMode } from '../../../../../test/harness/store_modes';
import { countsFromUsage, reportBody, UNTHROTTLED_ARGS } from './helpers';

const mode = openSearchMode('two_servers');

describe('two servers on one OpenSearch node', () => {
  const servers: OsdServer[] = [];
  beforeAll(async () => {
    await mode.before();
    const args = ['--usageCollection.maximumWaitTimeForAllCollectorsInS=0', ...UNTHROTTLED_ARGS, ...mode.args()];
    // One after the other: the second finds the index the first created.
    servers.push(await startOsdServer({ args }));
    servers.push(await startOsdServer({ args }));
  }, 180000);
  afterAll(async () => {
    await Promise.all(servers.map(async (s) => (await s.stop(), s.cleanup())));
    await mode.after();
  });

  it('gives exact ui metric totals for 40 concurrent clients split across both servers', async () => {
    const expected: Record<string, Record<string, number>> = {};
    let reports = 0;
    const client = async (c: number) => {
      const server = servers[c % 2];
      for (let i = 0; i < 10; i++) {
        const metrics: Array<[string, string, number]> = [];
        // Both servers write the same counters at the same time: the increments must all land.
        for (let m = 0; m < 20; m++) {
          const app = `app${(c + m) % 4}`;
          const event = `event_${(c * 3 + i * 7 + m) % 30}`;
          if (metrics.some(([a, e]) => a === app && e === event)) continue;
          const sum = 1 + ((c + i + m) % 5);
          metrics.push([app, event, sum]);
          (expected[app] ??= {})[event] = (expected[app][event] ?? 0) + sum;
        }
        const { status, text } = await api(`${server.url}/api/ui_metric/report`, 'POST', reportBody(metrics));
        if (status !== 200) throw new Error(`report ${c}/${i} answered ${status}: ${text}`);
        reports++;
      }
    };
    await Promise.all(Array.from({ length: 40 }, (_, c) => client(c)));
    expect(reports).toBe(400);

    // Through both servers' /api/stats.
    for (const server of servers) {
      const { status, body } = await api(`${server.url}/api/stats?extended=true`);
      expect(status).toBe(200);
      expect(body.cluster_uuid).toBe(mode.cluster!.uuid);
      expect(countsFromUsage(body.usage.ui_metric)).toEqual(expected);
    }

    // Straight from the node: one `ui-metric` document per counter with the exact count.
    const fromIndex: Record<string, Record<string, number>> = {};
    const hits = await mode.search('ui-metric');
    for (const hit of hits) {
      const id = hit._id.replace(/^ui-metric:/, '');
      const colon = id.indexOf(':');
      (fromIndex[id.slice(0, colon)] ??= {})[id.slice(colon + 1)] = hit._source['ui-metric'].count;
    }
    expect(fromIndex).toEqual(expected);
    expect(hits).toHaveLength(Object.values(expected).reduce((n, events) => n + Object.keys(events).length, 0));
  });
});

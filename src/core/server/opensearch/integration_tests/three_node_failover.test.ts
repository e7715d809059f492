/*
 * A real 3-node OpenSearch cluster (each node its own JVM) and two dashboards servers listing all three
 * hosts, under UI-metric load from both sides. The node holding the saved-objects index's primary is
 * SIGKILLed mid-load: no acknowledged increment is lost or doubled, both servers keep answering, and
 * their status is `available` again once the node is back.
 */
import { api, OsdServer, startOsdServer } from '../../../../../test/harness/osd_server';
import { startOpenSearchCluster, type OpenSearchCluster } from '../../../../../test/opensearch/opensearch_node';
import { reportBody, UNTHROTTLED_ARGS } from '../../../../plugins/usage_collection/server/integration_tests/helpers';

jest.setTimeout(600_000);

const INDEX = '.osd_three_nodes';
let cluster: OpenSearchCluster | undefined;
const servers: OsdServer[] = [];

beforeAll(async () => {
  cluster = await startOpenSearchCluster({ nodes: 3 });
  const yaml = [`opensearch.hosts: ${JSON.stringify(cluster.urls)}`, `opensearchDashboards.index: ${INDEX}`].join('\n');
  const args = ['--usageCollection.maximumWaitTimeForAllCollectorsInS=0', ...UNTHROTTLED_ARGS];
  // One after the other: the second finds the index the first created.
  servers.push(await startOsdServer({ yaml, args }));
  servers.push(await startOsdServer({ yaml, args }));
}, 600_000);

afterAll(async () => {
  await Promise.all(servers.map(async (s) => (await s.stop(), s.cleanup())));
  await cluster?.stop();
}, 120_000);

async function json(url: string, init?: RequestInit) {
  const res = await fetch(url, init);
  return { status: res.status, body: await res.json() };
}

/** The member holding the index's primary shard. */
async function primaryHolder(c: OpenSearchCluster) {
  const { body } = await json(`${c.urls[0]}/_cat/shards/${INDEX}?format=json&h=prirep,node,state`);
  const primary = (body as Array<{ prirep: string; node: string; state: string }>).find((s) => s.prirep === 'p');
  const member = c.nodes.find((n) => n.nodeName === primary?.node);
  if (!member) throw new Error(`no primary of ${INDEX} found: ${JSON.stringify(body)}`);
  return member;
}

/** `{ "<app>:<event>": count }` straight from a live member. */
async function storedCounts(url: string) {
  await fetch(`${url}/${INDEX}/_refresh`, { method: 'POST' });
  const { body } = await json(`${url}/${INDEX}/_search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ size: 10000, query: { term: { type: 'ui-metric' } } }),
  });
  const counts: Record<string, number> = {};
  for (const hit of body.hits.hits) counts[hit._id.replace(/^ui-metric:/, '')] = hit._source['ui-metric'].count;
  return counts;
}

describe('two servers on a 3-node cluster, one node SIGKILLed under load', () => {
  it('loses and doubles no acknowledged increment, keeps answering, and recovers', async () => {
    const c = cluster!;
    // The index has its replica on a second node (auto_expand_replicas 0-1), so losing one node loses no data.
    await c.waitForHealth('green');
    const { body: settings } = await json(`${c.urls[0]}/${INDEX}/_settings`);
    expect(settings[INDEX].settings.index.auto_expand_replicas).toBe('0-1');

    const acked: Record<string, number> = {};
    const sent: Record<string, number> = {};
    const statuses: Record<string, number> = {};
    let phase: 'before' | 'after' = 'before';
    const ackedAfterKill = { count: 0 };
    let running = true;

    const client = async (k: number) => {
      for (let i = 0; running; i++) {
        const server = servers[(k + i) % 2];
        const metrics: Array<[string, string, number]> = [];
        for (let m = 0; m < 5; m++) metrics.push([`app${m}`, `event_${(k + i + m) % 12}`, 1 + ((k + m) % 3)]);
        for (const [app, event, sum] of metrics) sent[`${app}:${event}`] = (sent[`${app}:${event}`] ?? 0) + sum;
        let status = 0;
        try {
          status = (await api(`${server.url}/api/ui_metric/report`, 'POST', reportBody(metrics))).status;
        } catch {
          status = -1; // the connection itself failed: not acknowledged
        }
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status === 200) {
          for (const [app, event, sum] of metrics) acked[`${app}:${event}`] = (acked[`${app}:${event}`] ?? 0) + sum;
          if (phase === 'after') ackedAfterKill.count++;
        }
      }
    };
    const load = Promise.all(Array.from({ length: 8 }, (_, k) => client(k)));

    await new Promise((r) => setTimeout(r, 3000));
    const victim = await primaryHolder(c);
    victim.kill9();
    phase = 'after';
    await new Promise((r) => setTimeout(r, 8000));

    // Both servers still answer while the node is gone.
    for (const server of servers) expect((await api(`${server.url}/api/status`)).status).toBe(200);

    await victim.restart();
    await c.waitForHealth('green', 180_000);
    running = false;
    await load;

    // Reports were acknowledged after the kill, not only before it.
    expect(ackedAfterKill.count).toBeGreaterThan(0);
    const live = c.urls[c.nodes.indexOf(victim) === 0 ? 1 : 0];
    const stored = await storedCounts(live);
    for (const key of Object.keys(sent)) {
      const value = stored[key] ?? 0;
      // Every acknowledged increment is there; nothing counts twice (at most what was sent at all).
      expect({ key, atLeastAcked: value >= (acked[key] ?? 0) }).toEqual({ key, atLeastAcked: true });
      expect({ key, atMostSent: value <= sent[key] }).toEqual({ key, atMostSent: true });
    }
    // eslint-disable-next-line no-console
    console.log(`[three_nodes] answers: ${JSON.stringify(statuses)}; acked after the kill: ${ackedAfterKill.count}`);

    // Status is available again on both servers.
    for (const server of servers) {
      const deadline = Date.now() + 60_000;
      let level = '';
      while (Date.now() < deadline) {
        const { body } = await api(`${server.url}/api/status?v8format=true`);
        level = body.status?.overall?.level;
        if (level === 'available') break;
        await new Promise((r) => setTimeout(r, 1000));
      }
      expect(level).toBe('available');
    }
  });
});

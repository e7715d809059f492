import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePorts, startOpenSearch, type OpenSearchNode } from '../../../../../test/opensearch/opensearch_node';
import { createTestRegistry, createTestStore } from '../../saved_objects/repository/test_utils';
import { OpenSearchSavedObjectsBackend } from '../../saved_objects/backend/opensearch';
import { ServiceStatusLevels, type ServiceStatus } from '../../status';
import { OpenSearchServiceError } from '../errors';
import { OpenSearchService } from '../opensearch_service';
import type { OpenSearchServiceStart } from '../types';
import { configFor, recordingLogger } from '../test_utils';

/*
 * The service against a real node: connection, the legacy callCluster, and the status through a
 * node stop and a restart on the same port and data folder.
 */
const HEALTH_CHECK_DELAY_MS = 200;
const dataDir = mkdtempSync(join(tmpdir(), 'osd-opensearch-service-'));
let node: OpenSearchNode | undefined;
let service: OpenSearchService | undefined;
let start: OpenSearchServiceStart;
const statuses: Array<{ at: number; status: ServiceStatus }> = [];
const lines: string[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  node = await startOpenSearch({ dataDir });
  service = new OpenSearchService({
    config: configFor({ hosts: node.url, pingTimeout: 1000, requestTimeout: 10_000, healthCheck: { delay: HEALTH_CHECK_DELAY_MS } }),
    logger: recordingLogger(lines),
  });
  service.setup().status$.subscribe((status) => statuses.push({ at: Date.now(), status }));
  start = (await service.start())!;
}, 180_000);

afterAll(async () => {
  await service?.stop();
  await node?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  process.off('unhandledRejection', onUnhandled);
}, 60_000);

const latest = () => statuses[statuses.length - 1].status;

async function until(predicate: () => boolean, timeoutMs: number) {
  const end = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > end) {
      throw new Error(`condition not met within ${timeoutMs} ms; last status: ${JSON.stringify(latest())}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('OpenSearchService on a real node', () => {
  it('connects, and callCluster resolves with response bodies', async () => {
    expect(latest().level).toBe(ServiceStatusLevels.available);
    const callCluster = start.createLegacyCallCluster();
    const stats = await callCluster<{ cluster_uuid: string; nodes: { count: { total: number } } }>('cluster.stats');
    expect(stats.cluster_uuid).toMatch(/^[\w-]{10,}$/);
    expect(stats.nodes.count.total).toBe(1);
    expect((await callCluster<{ version: { number: string } }>('info')).version.number).toMatch(/^2\.19\./);
    const usage = await callCluster<{ nodes: Record<string, { rest_actions: object }> }>('nodes.usage', { metric: 'rest_actions' });
    expect(Object.values(usage.nodes)[0].rest_actions).toEqual(expect.any(Object));
    const search = await callCluster<{ hits: { total: { value: number } } }>('search', {
      index: '_all',
      ignoreUnavailable: true,
      body: { size: 0, track_total_hits: true },
    });
    expect(search.hits.total.value).toEqual(expect.any(Number));
    await expect(callCluster('indices.stats', { index: 'no-such-index', ignore: [404] })).resolves.toMatchObject({ status: 404 });
    await expect(start.legacy.client.callAsInternalUser('cluster.health')).resolves.toMatchObject({ number_of_nodes: 1 });
  });

  it('degrades when the node stops and recovers when it is back on the same port and data', async () => {
    // Saved objects written before the stop must be there after it.
    const registry = createTestRegistry();
    const before = new OpenSearchSavedObjectsBackend({ client: start.client.asInternalUser, index: 'osd-restart', typeRegistry: registry });
    await before.open();
    await createTestStore(before).repository.create('dashboard', { title: 'survives' }, { id: 'kept' });
    await before.close();

    const { port } = node!;
    const stopCalledAt = Date.now();
    await node!.stop();
    await until(() => latest().level === ServiceStatusLevels.degraded, 5 * HEALTH_CHECK_DELAY_MS + 2000);
    const degraded = statuses.find((s) => s.at >= stopCalledAt && s.status.level === ServiceStatusLevels.degraded)!;
    expect(latest().summary).toMatch(new RegExp(`^Unable to reach OpenSearch at \\[${node!.url}\\]: `));
    expect(lines.some((l) => l.startsWith('warn Unable to reach OpenSearch'))).toBe(true);

    const restartCalledAt = Date.now();
    node = await startOpenSearch({ port, dataDir });
    await until(() => latest().level === ServiceStatusLevels.available, 5 * HEALTH_CHECK_DELAY_MS + 5000);
    const available = statuses.find((s) => s.at >= restartCalledAt && s.status.level === ServiceStatusLevels.available)!;
    expect(lines).toContain(`info OpenSearch is available again at [${node.url}]`);
    process.stdout.write(
      `status: degraded ${degraded.at - stopCalledAt} ms after node.stop() was called; available again ` +
        `${available.at - restartCalledAt} ms after startOpenSearch() was called (node start-up ${node.startupMs} ms)\n`
    );

    const after = new OpenSearchSavedObjectsBackend({ client: start.client.asInternalUser, index: 'osd-restart', typeRegistry: registry });
    await after.open();
    expect((await createTestStore(after).repository.get('dashboard', 'kept')).attributes).toEqual({ title: 'survives' });
    await after.close();
    expect((await start.createLegacyCallCluster()('cluster.stats') as { cluster_uuid: string }).cluster_uuid).toMatch(/\w/);
  });

  it('fails to start with a clear error, within startupTimeout, when no cluster answers', async () => {
    const [port] = await findFreePorts(1);
    const hosts = `http://127.0.0.1:${port}`;
    const unreachable = new OpenSearchService({
      config: configFor({ hosts, startupTimeout: '3s', pingTimeout: '1s' }),
      logger: recordingLogger(),
    });
    unreachable.setup();
    const began = Date.now();
    const error = await unreachable.start().catch((e: unknown) => e);
    const elapsed = Date.now() - began;
    await unreachable.stop();
    expect(error).toBeInstanceOf(OpenSearchServiceError);
    expect((error as Error).message).toBe(
      `Unable to connect to OpenSearch at [${hosts}] after 3s: connect ECONNREFUSED 127.0.0.1:${port}`
    );
    expect(elapsed).toBeGreaterThanOrEqual(2500);
    expect(elapsed).toBeLessThan(3500);
  });

  it('left no unhandled rejection behind', () => {
    expect(unhandled).toEqual([]);
  });
});

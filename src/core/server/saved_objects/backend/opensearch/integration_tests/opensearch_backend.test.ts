import { Client } from '@opensearch-project/opensearch';
import {
  findFreePorts,
  startOpenSearch,
  type OpenSearchNode,
} from '../../../../../../../test/opensearch/opensearch_node';
import { createTestRegistry, createTestStore, testTypes } from '../../../repository/test_utils';
import { SavedObjectsBackendError, type SavedObjectsBackendCounterOperation } from '../../types';
import { getOpenSearchIndexUsage } from '../index_usage';
import { OpenSearchSavedObjectsBackend } from '../opensearch_backend';

/* What the shared repository contract cannot see: the index itself, batching, failures, usage. */
let node: OpenSearchNode | undefined;
let client: Client;
let n = 0;
const opened: OpenSearchSavedObjectsBackend[] = [];

beforeAll(async () => {
  node = await startOpenSearch();
  client = new Client({ node: node.url });
}, 180_000);

afterAll(async () => {
  await Promise.all(opened.map((b) => b.close()));
  await client?.close();
  await node?.stop();
}, 60_000);

async function openBackend(options: { index?: string; registry?: ReturnType<typeof createTestRegistry>; refresh?: 'wait_for' | boolean } = {}) {
  const backend = new OpenSearchSavedObjectsBackend({
    client,
    index: options.index ?? `osd-backend-${n++}`,
    typeRegistry: options.registry ?? createTestRegistry(),
    refresh: options.refresh ?? true,
  });
  await backend.open();
  opened.push(backend);
  return backend;
}

const counter = (id: string, type = 'ui-metric', field = 'count', by = 1): SavedObjectsBackendCounterOperation => ({
  id: `${type}:${id}`,
  type,
  counterFieldName: field,
  incrementBy: by,
  time: new Date().toISOString(),
  upsert: { type, [type]: { [field]: by }, references: [], updated_at: new Date().toISOString() },
});

describe('OpenSearchSavedObjectsBackend on a real node', () => {
  it('creates the index with one shard, auto-expanding replicas and the types’ mappings', async () => {
    await openBackend({ index: 'osd-index-created' });
    const { body: settings } = await client.indices.getSettings({ index: 'osd-index-created' });
    expect(settings['osd-index-created'].settings?.index).toMatchObject({
      number_of_shards: '1',
      auto_expand_replicas: '0-1',
    });
    const { body: mapping } = await client.indices.getMapping({ index: 'osd-index-created' });
    const properties = mapping['osd-index-created'].mappings.properties as Record<string, any>;
    expect(properties.references.type).toBe('nested');
    expect(properties.updated_at.type).toBe('date');
    expect(properties.dashboard.properties.title).toEqual({
      type: 'text',
      fields: { keyword: { type: 'keyword', ignore_above: 2048 } },
    });
    const { body: health } = await client.cluster.health({ index: 'osd-index-created' });
    expect(health.status).toBe('green');
  });

  it('adds the mappings of types registered after the index was created', async () => {
    await openBackend({ index: 'osd-index-grows' });
    const registry = createTestRegistry([
      ...testTypes,
      { name: 'newcomer', hidden: false, namespaceType: 'single', mappings: { properties: { size: { type: 'long' } } } },
    ]);
    await openBackend({ index: 'osd-index-grows', registry });
    const { body: mapping } = await client.indices.getMapping({ index: 'osd-index-grows' });
    expect((mapping['osd-index-grows'].mappings.properties as any).newcomer.properties.size.type).toBe('long');
  });

  it('stores raw documents verbatim, versioned by _seq_no/_primary_term', async () => {
    const backend = await openBackend({ index: 'osd-verbatim' });
    const { repository } = createTestStore(backend);
    const references = [{ name: 'r', type: 'visualization', id: 'v1' }];
    const created = await repository.create('dashboard', { title: 'T' }, { id: 'd1', references });
    const { body } = await client.get({ index: 'osd-verbatim', id: 'dashboard:d1' });
    expect(body._source).toEqual({
      dashboard: { title: 'T' },
      type: 'dashboard',
      references,
      updated_at: created.updated_at,
    });
    expect(Buffer.from(created.version!, 'base64').toString()).toBe(`[${body._seq_no},${body._primary_term}]`);
  });

  it('with the default refresh (wait_for), a find right after a write sees it', async () => {
    const backend = await openBackend({ refresh: 'wait_for' });
    const { repository } = createTestStore(backend);
    await repository.create('dashboard', { title: 'fresh' }, { id: 'd1' });
    expect((await repository.find({ type: 'dashboard', search: 'fresh' })).total).toBe(1);
    await repository.incrementCounters([{ type: 'ui-metric', id: 'm', counterFieldName: 'count' }]);
    expect((await repository.find({ type: 'ui-metric' })).total).toBe(1);
  });

  /** Point-in-time contexts open on the node. */
  const openPits = async () => {
    const { body } = await client.transport.request({ method: 'GET', path: '/_search/point_in_time/_all' }, { ignore: [404] });
    return ((body as { pits?: unknown[] }).pits ?? []).length;
  };

  /** Every search a call sends: its path and body. */
  async function recordSearches<T>(fn: () => Promise<T>) {
    const searches: Array<{ path: string; body: any }> = [];
    const listener = (_: unknown, meta: { meta: { request: { params: { path: string; body?: string } } } }) => {
      const { path, body } = meta.meta.request.params;
      if (path.endsWith('/_search')) searches.push({ path, body: JSON.parse(body ?? 'null') });
    };
    client.on('response', listener as never);
    try {
      return { result: await fn(), searches };
    } finally {
      client.off('response', listener as never);
    }
  }

  it('scan walks a point in time in doc order, splits pages larger than the result window, and releases it', async () => {
    const index = `osd-backend-${n++}`;
    const small = new OpenSearchSavedObjectsBackend({ client, index, typeRegistry: createTestRegistry(), refresh: true, maxResultWindow: 5 });
    await small.open();
    opened.push(small);
    const { repository } = createTestStore(small);
    await repository.bulkCreate(Array.from({ length: 23 }, (_, i) => ({ type: 'ui-metric', id: `m${String(i).padStart(2, '0')}`, attributes: { count: i, label: 'x' } })));
    const pitsBefore = await openPits();

    const first = await recordSearches(() => small.scan({ type: 'ui-metric', size: 12, fields: ['count'] }));
    expect(first.result.hits).toHaveLength(12);
    expect(first.result.hits[0]._source['ui-metric']).toEqual({ count: expect.any(Number) });
    expect(first.result.hits[0]._seq_no).toEqual(expect.any(Number));
    // 13 hits (one more than the page, to know whether it is the last) in searches of at most 5, on the
    // point in time (no index in the path), in doc order, never with an offset.
    expect(first.searches.map((s) => [s.path, s.body.size, s.body.sort, s.body.from, Boolean(s.body.pit)])).toEqual([
      ['/_search', 5, ['_doc'], undefined, true],
      ['/_search', 5, ['_doc'], undefined, true],
      ['/_search', 3, ['_doc'], undefined, true],
    ]);
    expect(await openPits()).toBe(pitsBefore + 1);
    const second = await small.scan({ type: 'ui-metric', size: 12, cursor: first.result.cursor });
    expect(second.cursor).toBeUndefined();
    const ids = [...first.result.hits, ...second.hits].map((h) => h._id);
    expect(new Set(ids).size).toBe(23);
    // The last page released the point in time; so does closeScan for a scan left half way.
    expect(await openPits()).toBe(pitsBefore);
    const abandoned = await small.scan({ type: 'ui-metric', size: 4 });
    expect(await openPits()).toBe(pitsBefore + 1);
    await small.closeScan(abandoned.cursor!);
    expect(await openPits()).toBe(pitsBefore);
    await expect(small.scan({ type: 'ui-metric', size: 4, cursor: 'not-a-cursor' })).rejects.toMatchObject({ reason: 'bad_request' });
  });

  it('scan falls back to a keyset on _id for an index of several shards', async () => {
    const index = `osd-backend-${n++}`;
    await client.indices.create({ index, body: { settings: { number_of_shards: 2, number_of_replicas: 0 } } });
    const sharded = await openBackend({ index });
    const { repository } = createTestStore(sharded);
    await repository.bulkCreate(Array.from({ length: 9 }, (_, i) => ({ type: 'ui-metric', id: `m${i}`, attributes: { count: i } })));
    const pitsBefore = await openPits();
    const { result, searches } = await recordSearches(() => sharded.scan({ type: 'ui-metric', size: 4 }));
    expect(result.hits.map((h) => h._id)).toEqual(['ui-metric:m0', 'ui-metric:m1', 'ui-metric:m2', 'ui-metric:m3']);
    expect(searches.map((s) => [s.path, s.body.sort, s.body.pit])).toEqual([[`/${index}/_search`, [{ _id: { order: 'asc' } }], undefined]]);
    expect(await openPits()).toBe(pitsBefore);
    const rest = await sharded.scan({ type: 'ui-metric', size: 10, cursor: result.cursor });
    expect(rest.hits.map((h) => h._id)).toEqual(['ui-metric:m4', 'ui-metric:m5', 'ui-metric:m6', 'ui-metric:m7', 'ui-metric:m8']);
    expect(rest.cursor).toBeUndefined();
  });

  it('incrementCounters sends ONE _bulk for thousands of operations', async () => {
    const backend = await openBackend();
    const paths: string[] = [];
    const listener = (_: unknown, meta: { meta: { request: { params: { path: string } } } }) =>
      paths.push(meta.meta.request.params.path);
    client.on('response', listener as never);
    try {
      const ops = Array.from({ length: 3200 }, (_, i) => counter(`c${i % 400}`, 'ui-metric', 'count', (i % 5) + 1));
      const results = await backend.incrementCounters(ops);
      expect(results).toHaveLength(3200);
      expect(paths.filter((p) => p.endsWith('/_bulk'))).toHaveLength(1);
      expect(paths.filter((p) => p.endsWith('/_mget'))).toHaveLength(1);
    } finally {
      client.off('response', listener as never);
    }
    const expected = Array.from({ length: 3200 }, (_, i) => i).filter((i) => i % 400 === 7).reduce((s, i) => s + (i % 5) + 1, 0);
    expect((await backend.get('ui-metric:c7'))?._source['ui-metric']).toEqual({ count: expected });
  });

  it('incrementCounters surfaces an item failing inside the _bulk, keeping the others (not atomic)', async () => {
    const registry = createTestRegistry([
      ...testTypes,
      { name: 'flags', hidden: false, namespaceType: 'agnostic', mappings: { properties: { on: { type: 'boolean' } } } },
    ]);
    const backend = await openBackend({ registry });
    // Passes the up-front check (the document does not exist) but the mapping refuses a number.
    const error = await backend
      .incrementCounters([counter('ok'), counter('bad', 'flags', 'on')])
      .catch((e: unknown) => e as SavedObjectsBackendError);
    expect(error).toBeInstanceOf(SavedObjectsBackendError);
    expect((error as SavedObjectsBackendError).reason).toBe('bad_request');
    expect((error as SavedObjectsBackendError).id).toBe('flags:bad');
    expect((error as Error).message).toMatch(/1 of 2 increments failed; 1 were applied/);
    expect((await backend.get('ui-metric:ok'))?._source['ui-metric']).toEqual({ count: 1 });
    expect(await backend.get('flags:bad')).toBeUndefined();
  });

  it('reports the index usage, counting saved objects rather than nested references', async () => {
    const backend = await openBackend({ index: 'osd-usage' });
    const { repository } = createTestStore(backend);
    const references = [1, 2, 3].map((i) => ({ name: `r${i}`, type: 'visualization', id: `v${i}` }));
    await repository.create('dashboard', {}, { id: 'a', references });
    await repository.create('dashboard', {}, { id: 'b' });
    await repository.delete('dashboard', 'b');
    const [usage] = await getOpenSearchIndexUsage({ client, index: 'osd-usage' });
    expect(usage).toMatchObject({ alias: 'osd-usage', docsCount: 1 });
    expect(usage.storeSizeBytes).toBeGreaterThan(0);
    expect(usage.primaryStoreSizeBytes).toBeGreaterThan(0);
    expect(usage.storeSizeBytes).toBeGreaterThanOrEqual(usage.primaryStoreSizeBytes);
    expect(await getOpenSearchIndexUsage({ client, index: 'osd-no-such-index' })).toEqual([]);
  });

  it('fails with reason unavailable when the cluster cannot be reached', async () => {
    const [port] = await findFreePorts(1);
    const deadClient = new Client({ node: `http://127.0.0.1:${port}`, maxRetries: 0 });
    try {
      const backend = new OpenSearchSavedObjectsBackend({ client: deadClient, index: 'x', typeRegistry: createTestRegistry() });
      const error = (await backend.open().catch((e: unknown) => e)) as SavedObjectsBackendError;
      expect(error).toBeInstanceOf(SavedObjectsBackendError);
      expect(error.reason).toBe('unavailable');
      expect(error.message).toMatch(/OpenSearch is unreachable: .*ECONNREFUSED/);
    } finally {
      await deadClient.close();
    }
  });
});

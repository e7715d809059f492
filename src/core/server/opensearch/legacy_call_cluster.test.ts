import { Client } from '@opensearch-project/opensearch';
import { createLegacyCallCluster, resolveEndpoint, toClientParams } from './legacy_call_cluster';

describe('resolveEndpoint', () => {
  // No request is ever sent: resolving only looks the method up.
  const client = new Client({ node: 'http://127.0.0.1:1' });
  afterAll(() => client.close());

  it('maps endpoint names to the client’s namespaced methods', () => {
    expect(resolveEndpoint(client, 'cluster.stats')).toBe(client.cluster.stats);
    expect(resolveEndpoint(client, 'nodes.usage')).toBe(client.nodes.usage);
    expect(resolveEndpoint(client, 'indices.stats')).toBe(client.indices.stats);
    expect(resolveEndpoint(client, 'cat.indices')).toBe(client.cat.indices);
    expect(resolveEndpoint(client, 'info')).toBe(client.info);
    expect(resolveEndpoint(client, 'search')).toBe(client.search);
    expect(typeof resolveEndpoint(client, 'transport.request')).toBe('function');
  });

  it('refuses names that are not API methods', () => {
    for (const endpoint of ['close', 'child', 'extend', 'helpers.bulk', 'connectionPool.empty', 'serializer.serialize', 'cluster.nope', 'nope', 'cluster.stats.x', 'constructor', 'toString', 'cluster.constructor']) {
      expect(() => resolveEndpoint(client, endpoint)).toThrow(`called with an invalid endpoint: ${endpoint}`);
    }
  });
});

describe('toClientParams', () => {
  it('snake-cases legacy param names, keeps body as is, and moves request options apart', () => {
    expect(
      toClientParams({
        index: 'a',
        filterPath: ['hits.total'],
        ignoreUnavailable: true,
        node_id: 'n1',
        body: { someField: { camelKey: 1 } },
        ignore: 404,
        requestTimeout: 1000,
      })
    ).toEqual({
      params: { index: 'a', filter_path: ['hits.total'], ignore_unavailable: true, node_id: 'n1', body: { someField: { camelKey: 1 } } },
      options: { ignore: [404], requestTimeout: 1000 },
    });
  });
});

describe('createLegacyCallCluster', () => {
  it('calls the method with converted params and resolves with the response body', async () => {
    const stats = jest.fn(async (_params?: unknown, _options?: unknown) => ({ body: { cluster_uuid: 'u1' } }));
    const fake = { cluster: { stats } } as unknown as Client;
    const callCluster = createLegacyCallCluster(fake);
    await expect(callCluster('cluster.stats', { flatSettings: true, ignore: [404] })).resolves.toEqual({ cluster_uuid: 'u1' });
    expect(stats).toHaveBeenCalledWith({ flat_settings: true }, { ignore: [404] });
    await expect(callCluster('cluster.nope')).rejects.toThrow('called with an invalid endpoint: cluster.nope');
  });

  it('aborts the request when the signal fires', async () => {
    const abort = jest.fn();
    const pending = Object.assign(new Promise<{ body: unknown }>(() => undefined), { abort });
    const fake = { info: () => pending } as unknown as Client;
    const controller = new AbortController();
    void createLegacyCallCluster(fake)('info', {}, { signal: controller.signal });
    controller.abort();
    expect(abort).toHaveBeenCalledTimes(1);
    await expect(createLegacyCallCluster(fake)('info', {}, { signal: controller.signal })).rejects.toThrow('Request was aborted');
  });
});

import { getClusterCaller } from './cluster_client';
import { createOsInfoReader, parseOsRelease } from './os_info';

describe('getClusterCaller', () => {
  it('is undefined without core.opensearch (embedded store)', () => {
    expect(getClusterCaller({})).toBeUndefined();
    expect(getClusterCaller(undefined)).toBeUndefined();
    expect(getClusterCaller({ opensearch: {} })).toBeUndefined();
  });

  it('uses the legacy caller when there is one', async () => {
    const call = jest.fn().mockResolvedValue({ cluster_uuid: 'u' });
    const caller = getClusterCaller({ opensearch: { createLegacyCallCluster: () => call } })!;
    expect(await caller.callCluster('cluster.stats', { timeout: '30s' })).toEqual({ cluster_uuid: 'u' });
    expect(call).toHaveBeenCalledWith('cluster.stats', { timeout: '30s' });
  });

  it('maps the endpoints onto the client otherwise, unwrapping the body', async () => {
    const client = {
      info: jest.fn().mockResolvedValue({ body: { cluster_uuid: 'u' } }),
      cluster: { stats: jest.fn().mockResolvedValue({ body: { status: 'green' } }) },
      nodes: { usage: jest.fn().mockResolvedValue({ body: { nodes: {} } }) },
    };
    const caller = getClusterCaller({ opensearch: { client: { asInternalUser: client } } })!;
    expect(await caller.callCluster('info')).toEqual({ cluster_uuid: 'u' });
    expect(await caller.callCluster('cluster.stats', { timeout: '30s' })).toEqual({ status: 'green' });
    expect(await caller.callCluster('nodes.usage')).toEqual({ nodes: {} });
    expect(client.cluster.stats).toHaveBeenCalledWith({ timeout: '30s' });
  });
});

describe('os info', () => {
  it('parses an os-release file', () => {
    expect(parseOsRelease('NAME="Ubuntu"\nVERSION_ID="22.04"\nID=ubuntu\n')).toEqual({ distro: 'Ubuntu', distroRelease: 'Ubuntu-22.04' });
    expect(parseOsRelease('ID=x')).toEqual({});
  });

  it('reads once and survives a missing file', () => {
    const read = jest.fn(() => {
      throw new Error('ENOENT');
    });
    const get = createOsInfoReader(read);
    expect(get()).toEqual(expect.objectContaining({ platform: expect.any(String), platformRelease: expect.any(String) }));
    get();
    expect(read.mock.calls.length).toBeLessThanOrEqual(1);
  });
});

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { firstValueFrom } from 'rxjs';
import { ServiceStatusLevels, type ServiceStatus } from '../status';
import { OpenSearchService } from './opensearch_service';
import { configFor, recordingLogger } from './test_utils';

/** A stand-in cluster on a local port: enough of `/`, `/_cluster/health` and `/_cluster/stats`. */
async function fakeCluster() {
  const requests: IncomingMessage[] = [];
  let healthy = true;
  const server: Server = createServer((req, res) => {
    requests.push(req);
    res.setHeader('content-type', 'application/json');
    if (req.url?.startsWith('/_cluster/health')) {
      res.statusCode = healthy ? 200 : 503;
      res.end(JSON.stringify(healthy ? { status: 'green' } : { error: { type: 'x', reason: 'not ready' }, status: 503 }));
    } else if (req.url?.startsWith('/_cluster/stats')) {
      res.end(JSON.stringify({ cluster_uuid: 'fake-uuid', status: 'green' }));
    } else {
      res.end(JSON.stringify({ version: { number: '2.19.6' }, cluster_name: 'fake', cluster_uuid: 'fake-uuid' }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setHealthy: (value: boolean) => (healthy = value),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const until = async (predicate: () => boolean, timeoutMs = 3000) => {
  const end = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > end) {
      throw new Error('condition not met in time');
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('OpenSearchService', () => {
  it('without hosts: not configured, available status, no client', async () => {
    const service = new OpenSearchService({ config: configFor(), logger: recordingLogger() });
    const setup = service.setup();
    expect(setup.isConfigured).toBe(false);
    expect(await firstValueFrom(setup.status$)).toEqual({
      level: ServiceStatusLevels.available,
      summary: 'OpenSearch is not configured; the embedded store is in use',
    });
    await expect(service.start()).resolves.toBeUndefined();
    await service.stop();
  });

  it('refuses start before setup, and a second start', async () => {
    const service = new OpenSearchService({ config: configFor(), logger: recordingLogger() });
    await expect(service.start()).rejects.toThrow('OpenSearchService.start() called before setup()');
    service.setup();
    await service.start();
    await expect(service.start()).rejects.toThrow('already started');
  });

  it('fails setup on an invalid client config, naming the key', () => {
    const service = new OpenSearchService({
      config: configFor({ hosts: 'https://127.0.0.1:9200', ssl: { certificateAuthorities: '/no/such/ca.pem' } }),
      logger: recordingLogger(),
    });
    expect(() => service.setup()).toThrow(/^\[opensearch\.ssl\.certificateAuthorities\]: cannot read \[\/no\/such\/ca\.pem\]/);
  });

  describe('against a cluster', () => {
    let cluster: Awaited<ReturnType<typeof fakeCluster>>;
    beforeEach(async () => {
      cluster = await fakeCluster();
    });
    afterEach(() => cluster.close());

    it('connects with the configured credentials, forwards the user’s, and follows the cluster health', async () => {
      const lines: string[] = [];
      const service = new OpenSearchService({
        config: configFor({ hosts: cluster.url, username: 'osd', password: 'pw', healthCheck: { delay: 100 }, logQueries: true }),
        logger: recordingLogger(lines),
      });
      const setup = service.setup();
      expect(setup.isConfigured).toBe(true);
      const statuses: ServiceStatus[] = [];
      setup.status$.subscribe((s) => statuses.push(s));
      expect(statuses[0]).toMatchObject({ level: ServiceStatusLevels.unavailable, summary: `Waiting for OpenSearch at [${cluster.url}]` });

      const start = (await service.start())!;
      expect(statuses[statuses.length - 1].level).toBe(ServiceStatusLevels.available);
      expect(lines).toContain(`info connected to OpenSearch 2.19.6 at [${cluster.url}] (cluster fake, fake-uuid)`);

      await expect(start.createLegacyCallCluster()('cluster.stats')).resolves.toMatchObject({ cluster_uuid: 'fake-uuid' });
      await expect(start.legacy.client.callAsInternalUser('info')).resolves.toMatchObject({ cluster_name: 'fake' });
      const basic = `Basic ${Buffer.from('osd:pw').toString('base64')}`;
      expect(cluster.requests.every((r) => r.headers.authorization === basic)).toBe(true);

      const scoped = start.client.asScoped({ headers: { authorization: 'Bearer user-token' } });
      await scoped.asCurrentUser.info();
      expect(cluster.requests[cluster.requests.length - 1].headers.authorization).toBe('Bearer user-token');
      expect(scoped.asInternalUser).toBe(start.client.asInternalUser);
      expect(start.client.asScoped({ headers: {} }).asCurrentUser).toBe(start.client.asInternalUser);
      expect(lines.some((l) => l.startsWith('debug 200 GET /_cluster/stats'))).toBe(true);

      cluster.setHealthy(false);
      await until(() => statuses[statuses.length - 1].level === ServiceStatusLevels.degraded);
      expect(statuses[statuses.length - 1].summary).toBe(`Unable to reach OpenSearch at [${cluster.url}]: 503 not ready`);
      cluster.setHealthy(true);
      await until(() => statuses[statuses.length - 1].level === ServiceStatusLevels.available);
      await service.stop();
    });
  });
});

describe('opensearchServiceMock', () => {
  it('conforms to the contracts and records legacy calls', async () => {
    // Imported here so the mock's jest globals only load in tests.
    const { opensearchServiceMock } = await import('./opensearch_service.mock');
    expect(opensearchServiceMock.createSetupContract(false).isConfigured).toBe(false);
    const start = opensearchServiceMock.createStartContract();
    start.callCluster.mockResolvedValue({ cluster_uuid: 'u' });
    await expect(start.createLegacyCallCluster()('cluster.stats')).resolves.toEqual({ cluster_uuid: 'u' });
    expect(start.callCluster).toHaveBeenCalledWith('cluster.stats');
  });
});

import { compactDecrypt, exportJWK, generateKeyPair } from 'jose';
import { createLoggerMock, usageCollectionPluginMock } from '../../usage_collection/server/mocks';
import { createCollectionRegistry } from './collection_registry';
import { createReportEncryptor, type ReportEncryptor } from './encryption/encrypt';
import { createReportCache } from './report_cache';
import { createStatsService, TelemetryCollectionError } from './stats_service';
import type { BasicStatsPayload, CollectionConfig } from './types';

const payload = (clusterUuid: string, optIn: unknown = true): BasicStatsPayload => ({
  timestamp: '2024-01-01T00:00:00.000Z',
  cluster_uuid: clusterUuid,
  cluster_name: 'name',
  version: '2.19.0',
  collection: 'local',
  stack_stats: {
    opensearch_dashboards: { count: 1, indices: 1, os: {}, versions: [], plugins: { telemetry: { opt_in_status: optIn } } },
  },
});

function setup(options: { ttlMs?: number } = {}) {
  const logger = createLoggerMock();
  const usageCollection = usageCollectionPluginMock.createSetupContract();
  const cache = createReportCache({ logger, ttlMs: options.ttlMs ?? 60000 });
  const registry = createCollectionRegistry({ logger, onChange: () => cache.clear() });
  let encryptor: ReportEncryptor | undefined;
  const service = createStatsService({ logger, usageCollection, registry, cache, getEncryptor: () => encryptor });
  return { logger, usageCollection, registry, service, setEncryptor: (e: ReportEncryptor) => (encryptor = e) };
}

const range = { start: '2024-01-01T00:00:00.000Z', end: '2024-01-01T00:20:00.000Z' };

function collection(overrides: Partial<CollectionConfig> = {}): CollectionConfig {
  return {
    title: 'local',
    priority: 0,
    clusterDetailsGetter: jest.fn().mockResolvedValue([{ clusterUuid: 'c1' }]),
    statsGetter: jest.fn(async (clusters) => clusters.map((c) => payload(c.clusterUuid))),
    ...overrides,
  };
}

describe('getStats', () => {
  it('returns plain reports with collectionSource and license when unencrypted', async () => {
    const { registry, service } = setup();
    registry.set(
      collection({ licenseGetter: jest.fn().mockResolvedValue({ c1: { status: 'active', uid: 'u', type: 'basic' } }) })
    );
    const [report] = await service.getStats({ unencrypted: true, ...range });
    expect(report).toMatchObject({ cluster_uuid: 'c1', collectionSource: 'local', license: { type: 'basic' } });
  });

  it('passes the config to the getters', async () => {
    const { registry, service, usageCollection } = setup();
    const c = collection();
    registry.set(c);
    await service.getStats({ unencrypted: false, ...range });
    const expected = { usageCollection, ...range, unencrypted: false, request: undefined, level: 'full' };
    expect(c.clusterDetailsGetter).toHaveBeenCalledWith(expected);
    expect(c.statsGetter).toHaveBeenCalledWith([{ clusterUuid: 'c1' }], expected);
  });

  it("builds at the caller's level, else the collection's resolveLevel, and never serves a cached report across levels", async () => {
    const { registry, service } = setup();
    const resolveLevel = jest.fn().mockResolvedValue('operational');
    const c = collection({ resolveLevel });
    registry.set(c);
    await service.getStats({ unencrypted: true, ...range });
    expect(resolveLevel).toHaveBeenCalledWith({ unencrypted: true });
    expect(c.statsGetter).toHaveBeenLastCalledWith([{ clusterUuid: 'c1' }], expect.objectContaining({ level: 'operational' }));
    // The same level again: the cache answers. Another level: built anew, at that level.
    await service.getStats({ unencrypted: true, ...range });
    expect(c.statsGetter).toHaveBeenCalledTimes(1);
    await service.getStats({ unencrypted: true, level: 'full', ...range });
    expect(c.statsGetter).toHaveBeenCalledTimes(2);
    expect(c.statsGetter).toHaveBeenLastCalledWith([{ clusterUuid: 'c1' }], expect.objectContaining({ level: 'full' }));
    expect(resolveLevel).toHaveBeenCalledTimes(2);
  });

  it('leaves out clusters that are not opted in when not unencrypted, and encrypts with a key', async () => {
    const { registry, service, setEncryptor } = setup();
    registry.set(
      collection({
        clusterDetailsGetter: jest.fn().mockResolvedValue([{ clusterUuid: 'in' }, { clusterUuid: 'out' }]),
        statsGetter: jest.fn().mockResolvedValue([payload('in', true), payload('out', false)]),
      })
    );
    const plain = await service.getStats({ unencrypted: false, ...range });
    expect(plain).toEqual([expect.objectContaining({ cluster_uuid: 'in' })]);

    const { publicKey, privateKey } = await generateKeyPair('RSA-OAEP-256', { extractable: true });
    setEncryptor(createReportEncryptor({ ...(await exportJWK(publicKey)), kid: 'k' } as any));
    const [jwe, ...rest] = await service.getStats({ unencrypted: false, ...range });
    expect(rest).toEqual([]);
    expect(typeof jwe).toBe('string');
    const { plaintext } = await compactDecrypt(jwe as string, privateKey);
    expect(JSON.parse(new TextDecoder().decode(plaintext)).cluster_uuid).toBe('in');
    expect(await service.getStats({ unencrypted: true, ...range })).toHaveLength(2);
  });

  it('serves the cache, and collects again on refreshCache', async () => {
    const { registry, service } = setup();
    const c = collection();
    registry.set(c);
    await service.getStats({ unencrypted: true, ...range });
    await service.getStats({ unencrypted: false, ...range });
    expect(c.statsGetter).toHaveBeenCalledTimes(1);
    await service.getStats({ unencrypted: true, ...range, refreshCache: true });
    expect(c.statsGetter).toHaveBeenCalledTimes(2);
  });

  it('falls back to a lower priority collection when the highest fails, and logs it at warn', async () => {
    const { registry, service, logger } = setup();
    registry.set(collection({ title: 'low', priority: 0 }));
    registry.set(collection({ title: 'high', priority: 1, statsGetter: jest.fn().mockRejectedValue(new Error('cluster down')) }));
    const [report] = await service.getStats({ unencrypted: true, ...range });
    expect(report.collectionSource).toBe('low');
    expect(logger.warn).toHaveBeenCalledWith('Telemetry collection "high" failed: cluster down');
  });

  it('rejects with a typed error when every collection fails or none is set', async () => {
    const { registry, service } = setup();
    await expect(service.getStats({ unencrypted: true, ...range })).rejects.toThrow('No telemetry collection is registered.');
    registry.set(collection({ clusterDetailsGetter: jest.fn().mockRejectedValue(new Error('no info')) }));
    const error = await service.getStats({ unencrypted: true, ...range }).catch((e) => e);
    expect(error).toBeInstanceOf(TelemetryCollectionError);
    expect(error.message).toBe('Every telemetry collection failed ("local": no info)');
    expect(error.causes).toHaveLength(1);
  });

  it('returns [] when the collection has no cluster', async () => {
    const { registry, service } = setup();
    registry.set(collection({ clusterDetailsGetter: jest.fn().mockResolvedValue([]) }));
    expect(await service.getStats({ unencrypted: true, ...range })).toEqual([]);
  });
});

describe('getSendableReports / sealPlaintext', () => {
  it('serialises each opted-in report once: the body is the plaintext, or the JWE of exactly its bytes', async () => {
    const { registry, service, setEncryptor } = setup();
    registry.set(
      collection({
        clusterDetailsGetter: jest.fn().mockResolvedValue([{ clusterUuid: 'in' }, { clusterUuid: 'out' }]),
        statsGetter: jest.fn().mockResolvedValue([payload('in', true), payload('out', false)]),
      })
    );
    const [plain, ...others] = await service.getSendableReports({ unencrypted: false, ...range });
    expect(others).toEqual([]);
    expect(plain).toEqual({ clusterUuid: 'in', plaintext: plain.body, body: plain.body, encrypted: false });
    expect(JSON.parse(plain.plaintext)).toMatchObject({ cluster_uuid: 'in', collectionSource: 'local' });
    expect(await service.sealPlaintext('{}')).toBeNull();

    const { publicKey, privateKey } = await generateKeyPair('RSA-OAEP-256', { extractable: true });
    setEncryptor(createReportEncryptor({ ...(await exportJWK(publicKey)), kid: 'k' } as any));
    const [sealed] = await service.getSendableReports({ unencrypted: false, ...range });
    expect(sealed).toMatchObject({ clusterUuid: 'in', plaintext: plain.plaintext, encrypted: true });
    const { plaintext } = await compactDecrypt(sealed.body, privateKey);
    expect(Buffer.from(plaintext).toString('utf8')).toBe(sealed.plaintext);
    // Kept rather than sent: no encryption asked for.
    expect(await service.getSendableReports({ unencrypted: false, encrypt: false, ...range })).toEqual([plain]);
    const { jwe, kid } = (await service.sealPlaintext(plain.plaintext))!;
    expect(kid).toBe('k');
    expect(new TextDecoder().decode((await compactDecrypt(jwe, privateKey)).plaintext)).toBe(plain.plaintext);
  });
});

describe('getOptInStats', () => {
  it('reports the status of every cluster, encrypted unless unencrypted', async () => {
    const { registry, service, setEncryptor } = setup();
    registry.set(collection({ clusterDetailsGetter: jest.fn().mockResolvedValue([{ clusterUuid: 'a' }, { clusterUuid: 'b' }]) }));
    expect(await service.getOptInStats(false, { unencrypted: true, ...range })).toEqual([
      { cluster_uuid: 'a', opt_in_status: false },
      { cluster_uuid: 'b', opt_in_status: false },
    ]);
    const { publicKey } = await generateKeyPair('RSA-OAEP-256', { extractable: true });
    setEncryptor(createReportEncryptor({ ...(await exportJWK(publicKey)), kid: 'k' } as any));
    const sealed = await service.getOptInStats(true, { unencrypted: false, ...range });
    expect(sealed).toHaveLength(2);
    expect(sealed.every((s) => typeof s === 'string')).toBe(true);
  });
});

describe('areAllCollectorsReady', () => {
  it('delegates to usageCollection', async () => {
    const { service, usageCollection } = setup();
    usageCollection.areAllCollectorsReady.mockResolvedValue(false);
    expect(await service.areAllCollectorsReady()).toBe(false);
  });
});

import { exportJWK, generateKeyPair } from 'jose';
import moment from 'moment';
import { coreMock } from '../../../core/server/mocks';
import { usageCollectionPluginMock } from '../../usage_collection/server/mocks';
import type { TelemetryCollectionManagerConfig } from './config';
import { TelemetryCollectionManagerPlugin } from './plugin';

function createPlugin(cacheTtl = '4h') {
  const context = coreMock.createPluginInitializerContext<TelemetryCollectionManagerConfig>({ enabled: true, cacheTtl: moment.duration(cacheTtl) });
  return { plugin: new TelemetryCollectionManagerPlugin(context), logger: context.loggerMock };
}

describe('TelemetryCollectionManagerPlugin', () => {
  it('hands out the same getters in setup and start, and a working collection', async () => {
    const { plugin } = createPlugin();
    const usageCollection = usageCollectionPluginMock.createSetupContract();
    const setup = plugin.setup(coreMock.createSetup(), { usageCollection });
    setup.setCollection({
      title: 'local',
      priority: 0,
      clusterDetailsGetter: async () => [{ clusterUuid: 'c' }],
      statsGetter: async () => [{ cluster_uuid: 'c' } as any],
    });
    const start = plugin.start();
    expect(start.getStats).toBe(setup.getStats);
    expect(await start.getStats({ unencrypted: true, start: 'a', end: 'b' })).toEqual([{ cluster_uuid: 'c', collectionSource: 'local' }]);
  });

  it('takes one encryption key, during setup only, and refuses a bad one', async () => {
    const { publicKey } = await generateKeyPair('RSA-OAEP-256', { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k' } as any;
    const { plugin, logger } = createPlugin();
    const setup = plugin.setup(coreMock.createSetup(), { usageCollection: usageCollectionPluginMock.createSetupContract() });
    expect(() => setup.setEncryptionKey({ ...jwk, kid: '' })).toThrow(/"kid"/);
    setup.setEncryptionKey(jwk);
    expect(logger.info).toHaveBeenCalledWith('Telemetry reports are encrypted to key "k" before they are sent.');
    expect(() => setup.setEncryptionKey(jwk)).toThrow('The telemetry encryption key is already set.');
    plugin.start();
  });

  it('refuses start before setup', () => {
    expect(() => createPlugin().plugin.start()).toThrow('start() called before setup()');
  });
});

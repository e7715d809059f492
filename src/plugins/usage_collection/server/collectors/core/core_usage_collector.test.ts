import { usageCollectionPluginMock } from '../../mocks';
import { registerCoreUsageCollector } from './core_usage_collector';
import type { CoreUsageDataStart } from './types';

describe('core collector', () => {
  it('is not ready while core provides no coreUsageData', async () => {
    const usageCollection = usageCollectionPluginMock.createSetupContract();
    registerCoreUsageCollector(usageCollection, () => undefined);
    expect(await usageCollection.getCollectorByType('core')!.isReady()).toBe(false);
  });

  it('reports what core provides, filtered to the sample report shape', async () => {
    const coreUsageData: CoreUsageDataStart = {
      getCoreUsageData: async () =>
        ({
          config: { logging: { appendersTypesUsed: ['console'], loggersConfiguredCount: 0, hostName: 'leak' } },
          environment: { memory: { heapSizeLimit: 1, heapTotalBytes: 2, heapUsedBytes: 3 } },
          services: { savedObjects: { indices: [{ alias: '.osd', docsCount: 3, docsDeleted: 0, storeSizeBytes: 10, primaryStoreSizeBytes: 10 }] } },
        } as any),
    };
    const usageCollection = usageCollectionPluginMock.createSetupContract();
    registerCoreUsageCollector(usageCollection, () => coreUsageData);
    const core: any = usageCollection.toObject(await usageCollection.bulkFetch()).core;
    expect(core.config.logging).toEqual({ appendersTypesUsed: ['console'], loggersConfiguredCount: 0 });
    expect(core.environment.memory.heapUsedBytes).toBe(3);
    expect(core.services.savedObjects.indices[0].alias).toBe('.osd');
  });
});

import { usageCollectionPluginMock } from '../../mocks';
import { createTestStore } from '../../test_store';
import { registerOpenSearchDashboardsUsageCollector } from './opensearch_dashboards_collector';

describe('opensearchDashboards collector', () => {
  it('counts saved objects per type; types no plugin registered count 0', async () => {
    const store = await createTestStore([
      { name: 'dashboard', hidden: false, namespaceType: 'single', mappings: { properties: {} } },
      { name: 'index-pattern', hidden: false, namespaceType: 'single', mappings: { properties: {} } },
    ]);
    try {
      await store.repository.bulkCreate([
        { type: 'dashboard', attributes: {} },
        { type: 'dashboard', attributes: {} },
        { type: 'index-pattern', attributes: {} },
      ]);
      const usageCollection = usageCollectionPluginMock.createSetupContract();
      registerOpenSearchDashboardsUsageCollector(usageCollection, '.osd', () => store.client);
      const collector = usageCollection.getCollectorByType('opensearchDashboards')!;
      expect(await collector.fetch(undefined, undefined, {})).toEqual({
        index: '.osd',
        dashboard: { total: 2 },
        visualization: { total: 0 },
        search: { total: 0 },
        index_pattern: { total: 1 },
        graph_workspace: { total: 0 },
      });
    } finally {
      await store.close();
    }
  });

  it('is not ready and has nothing before start', async () => {
    const usageCollection = usageCollectionPluginMock.createSetupContract();
    registerOpenSearchDashboardsUsageCollector(usageCollection, '.osd', () => undefined);
    const collector = usageCollection.getCollectorByType('opensearchDashboards')!;
    expect(await collector.isReady()).toBe(false);
    expect(await collector.fetch(undefined, undefined, {})).toBeUndefined();
  });
});

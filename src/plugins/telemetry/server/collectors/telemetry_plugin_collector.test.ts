import { usageCollectionPluginMock } from '../../../usage_collection/server/mocks';
import type { OptInReading } from '../opt_in_state';
import { registerTelemetryPluginUsageCollector } from './telemetry_plugin_collector';

const reading = (optIn: boolean | null, attributes: Record<string, unknown> | null = {}): OptInReading => ({
  state: {
    optIn,
    level: optIn ? 'full' : 'off',
    reason: optIn === null ? 'undecided' : 'admin_choice',
    allowChangingOptInStatus: true,
    sendUsageFrom: 'server',
    notifyUserAboutOptInDefault: false,
  },
  savedObject: attributes ? { attributes } : null,
});

describe('telemetry collector', () => {
  function register(readState?: () => Promise<OptInReading>) {
    const usageCollection = usageCollectionPluginMock.createSetupContract();
    registerTelemetryPluginUsageCollector(usageCollection, () => ({ readState }));
    return { usageCollection, collector: usageCollection.getCollectorByType('telemetry')! };
  }

  it('is not ready before start', async () => {
    const { collector } = register();
    expect(await collector.isReady()).toBe(false);
  });

  it('reports opt_in_status, usage_fetcher and last_reported, filtered by its schema', async () => {
    const { usageCollection } = register(async () => reading(true, { lastReported: 1700000000000 }));
    const results = await usageCollection.bulkFetch();
    expect(usageCollection.toObject(results).telemetry).toEqual({ opt_in_status: true, usage_fetcher: 'server', last_reported: 1700000000000 });
  });

  it('reports opt_in_status null while undecided, and no last_reported before the first report', async () => {
    const { usageCollection } = register(async () => reading(null, null));
    expect(usageCollection.toObject(await usageCollection.bulkFetch()).telemetry).toEqual({ opt_in_status: null, usage_fetcher: 'server' });
  });

  it('fails (and the report then says not opted in) when the state cannot be read', async () => {
    const { usageCollection } = register(() => Promise.reject(new Error('store locked')));
    const data = usageCollection.toObject<Record<string, any>>(await usageCollection.bulkFetch());
    expect(data.telemetry).toBeUndefined();
    expect(data.usage_collector_stats.failed.names).toEqual(['telemetry']);
  });
});

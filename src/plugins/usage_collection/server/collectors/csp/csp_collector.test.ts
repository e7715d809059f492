import { CspConfig } from '../../../../../core/server';
import { usageCollectionPluginMock } from '../../mocks';
import { registerCspCollector } from './csp_collector';

describe('csp collector', () => {
  function collectorFor(getCsp: () => CspConfig | undefined) {
    const usageCollection = usageCollectionPluginMock.createSetupContract();
    registerCspCollector(usageCollection, getCsp);
    return usageCollection.getCollectorByType('csp')!;
  }

  it('reports the default config as upstream does', async () => {
    const collector = collectorFor(() => CspConfig.DEFAULT);
    expect(await collector.isReady()).toBe(true);
    expect(collector.category).toBe('operational');
    expect(await collector.fetch(undefined, undefined, {})).toEqual({ strict: false, warnLegacyBrowsers: true, rulesChangedFromDefault: false });
  });

  it('follows the config, and never reports the rules themselves', async () => {
    let csp = new CspConfig({ strict: true, warnLegacyBrowsers: false, rules: ["script-src 'self' https://cdn.example.com"] });
    const collector = collectorFor(() => csp);
    const usage = await collector.fetch(undefined, undefined, {});
    expect(usage).toEqual({ strict: true, warnLegacyBrowsers: false, rulesChangedFromDefault: true });
    expect(JSON.stringify(usage)).not.toContain('example.com');
    csp = CspConfig.DEFAULT;
    expect(await collector.fetch(undefined, undefined, {})).toMatchObject({ strict: false, rulesChangedFromDefault: false });
  });

  it('has nothing when core gave no CSP config', async () => {
    expect(await collectorFor(() => undefined).fetch(undefined, undefined, {})).toBeUndefined();
  });
});

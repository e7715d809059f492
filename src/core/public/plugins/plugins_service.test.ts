import { InjectedPluginMetadata } from '../injected_metadata/types';
import { sortUiPlugins } from './plugins_order';
import { PluginsService } from './plugins_service';
import { Plugin, PluginInitializerContext } from './types';

const meta = (id: string, required: string[] = [], optional: string[] = [], config = {}): InjectedPluginMetadata => ({
  id,
  plugin: { id, requiredPlugins: required, optionalPlugins: optional },
  config,
});

const env = {
  mode: { name: 'production' as const, dev: false, prod: true },
  packageInfo: { version: '2.19.0', branch: 'main', buildNum: 1, buildSha: 'x', dist: false },
};

describe('sortUiPlugins', () => {
  it('orders by dependencies, ignoring dependencies without a browser half, keeping discovery order on ties', () => {
    const order = sortUiPlugins([
      meta('telemetryManagementSection', ['advancedSettings', 'telemetry']),
      meta('telemetry', ['telemetryCollectionManager', 'usageCollection']),
      meta('advancedSettings'),
      meta('usageCollection'),
      meta('home', [], ['usageCollection', 'missingOptional']),
    ]);
    expect(order.map((p) => p.id)).toEqual(['advancedSettings', 'usageCollection', 'telemetry', 'home', 'telemetryManagementSection']);
    expect(order.find((p) => p.id === 'telemetry')!.deps).toEqual(['usageCollection']);
  });

  it('names the plugins of a cycle', () => {
    expect(() => sortUiPlugins([meta('a', ['b']), meta('b', ['a']), meta('c')])).toThrow('cyclic or missing dependencies: ["a","b"]');
  });
});

describe('PluginsService (browser)', () => {
  it('runs setup then start in order, with only declared contracts, exposed config and start services', async () => {
    const calls: string[] = [];
    const seen: Record<string, unknown> = {};
    const make = (id: string) => (context: PluginInitializerContext): Plugin<unknown, unknown, any, any> => ({
      setup: (core, deps) => {
        calls.push(`setup ${id}`);
        seen[`${id}.setupDeps`] = Object.keys(deps);
        seen[`${id}.config`] = context.config.get();
        core.getStartServices().then(([coreStart, depsStart, own]: [any, object, unknown]) => {
          seen[`${id}.startServices`] = [coreStart.name, Object.keys(depsStart), own];
        });
        return { from: id };
      },
      start: (_core, deps) => {
        calls.push(`start ${id}`);
        seen[`${id}.startDeps`] = deps;
        return `${id}-start`;
      },
    });
    const service = new PluginsService({
      plugins: [meta('b', ['a'], [], { greeting: 'hi' }), meta('a'), meta('c', [], ['a'])],
      modules: { a: { plugin: make('a') }, b: { plugin: make('b') }, c: { plugin: make('c') } },
      env,
    });
    await service.setup((id, startServices) => ({ getStartServices: () => startServices }));
    await service.start((id) => ({ name: `core-for-${id}` }));
    await new Promise((r) => setImmediate(r));
    expect(calls).toEqual(['setup a', 'setup b', 'setup c', 'start a', 'start b', 'start c']);
    expect(seen['b.setupDeps']).toEqual(['a']);
    expect(seen['a.setupDeps']).toEqual([]);
    expect(seen['b.config']).toEqual({ greeting: 'hi' });
    expect(seen['c.startDeps']).toEqual({ a: 'a-start' });
    expect(seen['b.startServices']).toEqual(['core-for-b', ['a'], 'b-start']);
  });

  it('fails clearly when a public half has no plugin export', async () => {
    const service = new PluginsService({ plugins: [meta('x')], modules: { x: {} }, env });
    await expect(service.setup(() => ({}))).rejects.toThrow('Plugin "x"\'s public/index does not export a "plugin" function.');
  });
});

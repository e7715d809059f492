import { PluginsSystem } from './plugins_system';
import { PluginWrapper } from './plugin';
import { PluginManifest } from './types';
import { coreMock, loggingSystemMock } from '../mocks';

const log = loggingSystemMock.createLogger();
const core = () => coreMock.createSetup();
const context = () => coreMock.createPluginInitializerContext();

interface FakeBehaviour {
  setup?: (deps: Record<string, unknown>) => unknown;
  start?: (deps: Record<string, unknown>) => unknown;
  stop?: () => unknown;
}

/** A wrapper whose lifecycle calls are recorded, without loading any module. */
function createPlugin(id: string, { required = [], optional = [] }: { required?: string[]; optional?: string[] } = {}, behaviour: FakeBehaviour = {}, calls: string[] = []) {
  const manifest: PluginManifest = {
    id, version: '1', opensearchDashboardsVersion: '1', configPath: id, requiredPlugins: required, optionalPlugins: optional,
    requiredBundles: [], server: true, ui: false,
  };
  const wrapper = new PluginWrapper({ manifest, path: `/plugins/${id}` });
  wrapper.setup = async (_core, deps) => {
    calls.push(`setup:${id}`);
    return behaviour.setup ? behaviour.setup(deps) : `${id}-setup`;
  };
  wrapper.start = async (_core, deps) => {
    calls.push(`start:${id}`);
    return behaviour.start ? behaviour.start(deps) : `${id}-start`;
  };
  wrapper.stop = async () => {
    calls.push(`stop:${id}`);
    await behaviour.stop?.();
  };
  return wrapper;
}

describe('PluginsSystem', () => {
  it('orders by dependencies, counting optional ones only when present', () => {
    const system = new PluginsSystem(log);
    system.addPlugin(createPlugin('telemetry', { required: ['manager'], optional: ['usage', 'absent'] }));
    system.addPlugin(createPlugin('usage'));
    system.addPlugin(createPlugin('manager', { optional: ['usage'] }));
    expect(system.getSortedPluginNames()).toEqual(['usage', 'manager', 'telemetry']);
  });

  it('names the plugins of a cycle', () => {
    const system = new PluginsSystem(log);
    system.addPlugin(createPlugin('a', { required: ['b'] }));
    system.addPlugin(createPlugin('b', { optional: ['a'] }));
    system.addPlugin(createPlugin('c'));
    expect(() => system.getSortedPluginNames()).toThrow('these plugins have cyclic or missing dependencies: ["a","b"]');
  });

  it('names plugins with missing required dependencies', () => {
    const system = new PluginsSystem(log);
    system.addPlugin(createPlugin('a', { required: ['ghost'] }));
    expect(() => system.getSortedPluginNames()).toThrow('"a" requires [ghost]');
  });

  it('hands each plugin only its declared dependencies’ contracts, and stops in reverse', async () => {
    const calls: string[] = [];
    const seen: Record<string, unknown> = {};
    const system = new PluginsSystem(log);
    system.addPlugin(createPlugin('a', {}, {}, calls));
    system.addPlugin(createPlugin('b', { optional: ['a'] }, { setup: (d) => (seen.bSetup = d), start: (d) => (seen.bStart = d) }, calls));
    system.addPlugin(createPlugin('c', { required: ['b'] }, { setup: (d) => (seen.cSetup = d) }, calls));
    await system.setupPlugins(core, context);
    await system.startPlugins(() => coreMock.createStart());
    await system.stopPlugins();
    expect(seen.bSetup).toEqual({ a: 'a-setup' });
    expect(seen.bStart).toEqual({ a: 'a-start' });
    expect(Object.keys(seen.cSetup as object)).toEqual(['b']);
    expect(calls).toEqual(['setup:a', 'setup:b', 'setup:c', 'start:a', 'start:b', 'start:c', 'stop:c', 'stop:b', 'stop:a']);
  });

  it('fails a lifecycle call that exceeds the time limit, naming the plugin', async () => {
    const system = new PluginsSystem(log, 50);
    system.addPlugin(createPlugin('slow', {}, { setup: () => new Promise(() => undefined) }));
    await expect(system.setupPlugins(core, context)).rejects.toThrow('Setup lifecycle of "slow" plugin did not complete within 0.05s');
  });

  it('keeps stopping the others when one plugin fails to stop', async () => {
    const calls: string[] = [];
    const system = new PluginsSystem(log);
    system.addPlugin(createPlugin('a', {}, {}, calls));
    system.addPlugin(createPlugin('b', { required: ['a'] }, { stop: () => Promise.reject(new Error('nope')) }, calls));
    await system.setupPlugins(core, context);
    await system.stopPlugins();
    expect(calls).toContain('stop:a');
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('"b" plugin failed to stop: nope'));
  });
});

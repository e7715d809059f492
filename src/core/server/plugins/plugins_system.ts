import { withTimeout } from '../../utils/with_timeout';
import { Logger } from '../logging';
import { PluginWrapper } from './plugin';
import { PluginInitializerContext } from './types';

export type PluginContractResolver = (plugin: PluginWrapper) => unknown;

/**
 * Orders plugins by their dependencies (Kahn's algorithm, optional dependencies counted only when present),
 * runs `setup` and `start` in that order with each plugin seeing only its declared dependencies' contracts,
 * and `stop` in reverse.
 */
export class PluginsSystem {
  private readonly plugins = new Map<string, PluginWrapper>();
  private readonly setupContracts = new Map<string, unknown>();
  private readonly startContracts = new Map<string, unknown>();
  private setUpPlugins: string[] = [];

  constructor(private readonly log: Logger, private readonly lifecycleTimeoutMs = 30000) {}

  public addPlugin(plugin: PluginWrapper) {
    if (this.plugins.has(plugin.name)) throw new Error(`Plugin "${plugin.name}" is already added.`);
    this.plugins.set(plugin.name, plugin);
  }

  public getPlugins() {
    return [...this.plugins.values()];
  }

  /** Dependency order. Throws naming the plugins whose dependencies are missing or form a cycle. */
  public getSortedPluginNames(): string[] {
    const missing: string[] = [];
    for (const plugin of this.plugins.values()) {
      const absent = plugin.requiredPlugins.filter((d) => !this.plugins.has(d));
      if (absent.length) missing.push(`"${plugin.name}" requires [${absent.join(', ')}]`);
    }
    if (missing.length) {
      throw new Error(`Plugins with missing required dependencies (not installed or disabled): ${missing.join('; ')}`);
    }
    const deps = new Map<string, Set<string>>();
    for (const plugin of this.plugins.values()) {
      const present = [...plugin.requiredPlugins, ...plugin.optionalPlugins].filter((d) => this.plugins.has(d));
      deps.set(plugin.name, new Set(present));
    }
    const sorted: string[] = [];
    // Insertion order of `plugins` breaks ties, so the order is stable from run to run.
    const ready = [...deps.entries()].filter(([, d]) => d.size === 0).map(([n]) => n);
    while (ready.length) {
      const name = ready.shift()!;
      sorted.push(name);
      for (const [other, otherDeps] of deps) {
        if (otherDeps.delete(name) && otherDeps.size === 0) ready.push(other);
      }
    }
    if (sorted.length !== this.plugins.size) {
      const stuck = [...this.plugins.keys()].filter((n) => !sorted.includes(n));
      throw new Error(`Topological ordering of plugins did not complete, these plugins have cyclic or missing dependencies: ${JSON.stringify(stuck)}`);
    }
    return sorted;
  }

  public async setupPlugins(
    coreFor: (plugin: PluginWrapper) => unknown,
    contextFor: (plugin: PluginWrapper) => PluginInitializerContext
  ) {
    for (const name of this.getSortedPluginNames()) {
      const plugin = this.plugins.get(name)!;
      this.log.debug(`Setting up plugin "${name}"...`);
      const contract = await withTimeout(
        plugin.setup(coreFor(plugin), this.depsOf(plugin, this.setupContracts), contextFor(plugin)),
        this.lifecycleTimeoutMs,
        `Setup lifecycle of "${name}" plugin`
      );
      this.setupContracts.set(name, contract);
      this.setUpPlugins.push(name);
    }
    return this.setupContracts;
  }

  public async startPlugins(coreFor: (plugin: PluginWrapper) => unknown) {
    for (const name of this.setUpPlugins) {
      const plugin = this.plugins.get(name)!;
      this.log.debug(`Starting plugin "${name}"...`);
      const contract = await withTimeout(
        plugin.start(coreFor(plugin), this.depsOf(plugin, this.startContracts)),
        this.lifecycleTimeoutMs,
        `Start lifecycle of "${name}" plugin`
      );
      this.startContracts.set(name, contract);
    }
    return this.startContracts;
  }

  /** Stops in reverse setup order; one plugin failing to stop does not keep the others running. */
  public async stopPlugins() {
    const names = [...this.setUpPlugins].reverse();
    this.setUpPlugins = [];
    for (const name of names) {
      try {
        await withTimeout(this.plugins.get(name)!.stop(), this.lifecycleTimeoutMs, `Stop lifecycle of "${name}" plugin`);
      } catch (e) {
        this.log.warn(`"${name}" plugin failed to stop: ${(e as Error).message}`);
      }
    }
  }

  public getStartContract(name: string) {
    return this.startContracts.get(name);
  }

  /** Only the declared dependencies that are present: a plugin cannot reach what it did not ask for. */
  private depsOf(plugin: PluginWrapper, contracts: Map<string, unknown>) {
    const deps: Record<string, unknown> = {};
    for (const dep of [...plugin.requiredPlugins, ...plugin.optionalPlugins]) {
      if (contracts.has(dep)) deps[dep] = contracts.get(dep);
    }
    return deps;
  }
}

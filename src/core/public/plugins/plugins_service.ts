import { withTimeout } from '../../utils/with_timeout';
import { InjectedMetadata, InjectedPluginMetadata } from '../injected_metadata/types';
import { sortUiPlugins } from './plugins_order';
import { Plugin, PluginInitializerContext, PluginModule } from './types';

export interface PluginsServiceDeps {
  plugins: InjectedPluginMetadata[];
  modules: Record<string, PluginModule>;
  env: InjectedMetadata['env'];
  lifecycleTimeoutMs?: number;
}

/** Builds one plugin's view of core (`getStartServices` included) from its id. */
export type CoreFor<T> = (pluginId: string, startServices: Promise<[any, object, unknown]>) => T;

/**
 * Runs the public halves: `plugin(initializerContext)`, then `setup` and `start` in dependency order, each
 * plugin seeing only its declared dependencies' contracts. Each plugin's `getStartServices()` resolves once
 * every plugin has started.
 */
export class PluginsService {
  private readonly order: Array<{ id: string; deps: string[] }>;
  private readonly instances = new Map<string, Plugin<unknown, unknown>>();
  private readonly setupContracts = new Map<string, unknown>();
  private readonly startContracts = new Map<string, unknown>();
  private readonly resolvers = new Map<string, (value: [any, object, unknown]) => void>();
  private readonly timeoutMs: number;

  constructor(private readonly deps: PluginsServiceDeps) {
    this.order = sortUiPlugins(deps.plugins);
    this.timeoutMs = deps.lifecycleTimeoutMs ?? 30000;
  }

  public getOrder() {
    return this.order.map((p) => p.id);
  }

  public async setup<T>(coreFor: CoreFor<T>) {
    for (const { id, deps } of this.order) {
      const instance = this.instantiate(id);
      const startServices = new Promise<[any, object, unknown]>((resolve) => this.resolvers.set(id, resolve));
      const contract = await withTimeout(
        instance.setup(coreFor(id, startServices), this.pick(deps, this.setupContracts)),
        this.timeoutMs,
        `Setup lifecycle of "${id}" plugin`
      );
      this.setupContracts.set(id, contract);
    }
    return this.setupContracts;
  }

  public async start(coreStart: (pluginId: string) => unknown) {
    for (const { id, deps } of this.order) {
      const contract = await withTimeout(
        this.instances.get(id)!.start(coreStart(id), this.pick(deps, this.startContracts)),
        this.timeoutMs,
        `Start lifecycle of "${id}" plugin`
      );
      this.startContracts.set(id, contract);
    }
    for (const { id, deps } of this.order) {
      this.resolvers.get(id)!([coreStart(id), this.pick(deps, this.startContracts), this.startContracts.get(id)]);
    }
    return this.startContracts;
  }

  public stop() {
    for (const { id } of [...this.order].reverse()) this.instances.get(id)?.stop?.();
  }

  private instantiate(id: string) {
    const module = this.deps.modules[id];
    const initializer = module?.plugin;
    if (typeof initializer !== 'function') {
      throw new Error(`Plugin "${id}"'s public/index does not export a "plugin" function.`);
    }
    const metadata = this.deps.plugins.find((p) => p.id === id)!;
    const config = Object.freeze({ ...metadata.config });
    const context: PluginInitializerContext = {
      opaqueId: Symbol(id),
      env: this.deps.env,
      config: { get: <T extends object>() => config as unknown as T },
    };
    const instance = initializer(context);
    if (!instance || typeof instance.setup !== 'function' || typeof instance.start !== 'function') {
      throw new Error(`Instance of plugin "${id}" does not define "setup" and "start" functions.`);
    }
    this.instances.set(id, instance);
    return instance;
  }

  private pick(deps: string[], contracts: Map<string, unknown>) {
    const picked: Record<string, unknown> = {};
    for (const dep of deps) if (contracts.has(dep)) picked[dep] = contracts.get(dep);
    return picked;
  }
}

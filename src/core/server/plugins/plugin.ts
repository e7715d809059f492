import { join } from 'path';
import { PluginConfigDescriptor, PluginInitializer, PluginInitializerContext, PluginManifest, DiscoveredPlugin, Plugin } from './types';

/**
 * One server-side plugin: its manifest, its module (loaded once, on demand) and its instance. The module may be
 * TypeScript (transpiled on load) or compiled JavaScript shipped by a third party.
 */
export class PluginWrapper {
  public readonly name: string;
  public readonly manifest: PluginManifest;
  public readonly path: string;
  public readonly opaqueId: symbol;
  private module?: { plugin?: PluginInitializer; config?: PluginConfigDescriptor };
  private instance?: Plugin<unknown, unknown, any, any>;

  constructor(discovered: DiscoveredPlugin) {
    this.manifest = discovered.manifest;
    this.path = discovered.path;
    this.name = discovered.manifest.id;
    this.opaqueId = Symbol(this.name);
  }

  public get requiredPlugins() {
    return this.manifest.requiredPlugins;
  }
  public get optionalPlugins() {
    return this.manifest.optionalPlugins;
  }

  /** The `config` export of `server/index`, when the plugin has a server half and declares one. */
  public getConfigDescriptor(): PluginConfigDescriptor | undefined {
    if (!this.manifest.server) return undefined;
    const descriptor = this.load().config;
    if (descriptor === undefined) return undefined;
    if (!descriptor || typeof descriptor !== 'object' || !descriptor.schema || typeof (descriptor.schema as any).validate !== 'function') {
      throw new Error(`Plugin "${this.name}": the "config" export of server/index must be { schema, exposeToBrowser? } with a config-schema type.`);
    }
    return descriptor;
  }

  public async setup(core: unknown, deps: Record<string, unknown>, context: PluginInitializerContext) {
    const initializer = this.load().plugin;
    if (typeof initializer !== 'function') {
      throw new Error(`Plugin "${this.name}" does not export "plugin" definition (${this.path}).`);
    }
    const instance = initializer(context);
    if (!instance || typeof instance.setup !== 'function') {
      throw new Error(`Instance of plugin "${this.name}" does not define "setup" function.`);
    }
    this.instance = instance;
    return instance.setup(core, deps);
  }

  public async start(core: unknown, deps: Record<string, unknown>) {
    if (!this.instance) throw new Error(`Plugin "${this.name}" can't be started since it isn't set up.`);
    if (typeof this.instance.start !== 'function') return undefined;
    return this.instance.start(core, deps);
  }

  public async stop() {
    if (this.instance && typeof this.instance.stop === 'function') await this.instance.stop();
  }

  private load() {
    if (!this.module) {
      const entry = join(this.path, 'server');
      try {
        // eslint-disable-next-line @typescript-eslint/no-var-requires
        this.module = require(entry);
      } catch (e) {
        throw new Error(`Plugin "${this.name}" failed to load from ${entry}: ${(e as Error).message}`);
      }
    }
    return this.module!;
  }
}

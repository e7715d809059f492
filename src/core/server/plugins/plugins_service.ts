import { of } from 'rxjs';
import { ConfigService, Env } from '../config';
import { Logger, LoggerFactory } from '../logging';
import { discoverPlugins } from './discovery';
import { PluginWrapper } from './plugin';
import { PluginsSystem } from './plugins_system';
import { DiscoveredPlugin, PluginConfigDescriptor, PluginInitializerContext } from './types';

export interface PluginsServiceOptions {
  env: Env;
  configService: ConfigService;
  logger: LoggerFactory;
}

/** A plugin's place in the browser bundle: read by the page service. */
export interface UiPluginInfo {
  id: string;
  path: string;
  requiredPlugins: readonly string[];
  optionalPlugins: readonly string[];
  exposedConfig: Record<string, unknown>;
}

/**
 * Discovers plugins, registers their config schemas (before the config is validated), and drives their
 * lifecycle through the `PluginsSystem`.
 */
export class PluginsService {
  private readonly log: Logger;
  private system?: PluginsSystem;
  private readonly descriptors = new Map<string, PluginConfigDescriptor>();
  private readonly enabled: PluginWrapper[] = [];
  private discovered: DiscoveredPlugin[] = [];
  private instanceUuid = '';

  constructor(private readonly options: PluginsServiceOptions) {
    this.log = options.logger.get('plugins-service');
  }

  /** Step 1, before config validation: find plugins and claim their config paths. */
  public discover(extraPluginPaths: string[] = []) {
    const { env, configService } = this.options;
    this.discovered = discoverPlugins({
      scanDirs: env.pluginScanDirs,
      pluginPaths: [...env.cliArgs.pluginPaths, ...extraPluginPaths],
      hostVersion: env.packageInfo.version,
    });
    for (const found of this.discovered) {
      const plugin = new PluginWrapper(found);
      const configPath = plugin.manifest.configPath;
      if (!configService.isEnabledAtPath(configPath)) {
        configService.markHandled(configPath);
        this.log.info(`Plugin "${plugin.name}" is disabled.`);
        continue;
      }
      const descriptor = plugin.getConfigDescriptor();
      if (descriptor) {
        configService.setSchema(configPath, descriptor.schema);
        this.descriptors.set(plugin.name, descriptor);
      }
      this.enabled.push(plugin);
    }
    return this.discovered;
  }

  /** Step 2, after validation: add server plugins to the system and check the dependency graph. */
  public preSetup({ lifecycleTimeoutMs, instanceUuid }: { lifecycleTimeoutMs: number; instanceUuid: string }) {
    this.instanceUuid = instanceUuid;
    const system = new PluginsSystem(this.options.logger.get('plugins-system'), lifecycleTimeoutMs);
    this.system = system;
    const enabledIds = new Set(this.enabled.map((p) => p.name));
    const broken = this.enabled
      .map((p) => ({ id: p.name, missing: p.requiredPlugins.filter((d) => !enabledIds.has(d)) }))
      .filter((p) => p.missing.length > 0);
    if (broken.length) {
      const detail = broken.map((b) => `"${b.id}" requires [${b.missing.join(', ')}]`).join('; ');
      throw new Error(`Plugins with missing required dependencies (not installed or disabled): ${detail}`);
    }
    for (const plugin of this.enabled) {
      if (plugin.manifest.server) system.addPlugin(plugin);
    }
    // Fails here, before any plugin's setup runs, when the graph has a cycle.
    const order = system.getSortedPluginNames();
    this.log.info(`Server plugins in order: ${order.join(', ') || '(none)'}`);
  }

  public async setup(coreFor: (plugin: PluginWrapper) => unknown) {
    return this.getSystem().setupPlugins(coreFor, (plugin) => this.createInitializerContext(plugin));
  }

  public async start(coreFor: (plugin: PluginWrapper) => unknown) {
    return this.getSystem().startPlugins(coreFor);
  }

  public async stop() {
    await this.system?.stopPlugins();
  }

  public getStartContract(name: string) {
    return this.system?.getStartContract(name);
  }

  private getSystem() {
    if (!this.system) throw new Error('PluginsService: preSetup() must run before setup().');
    return this.system;
  }

  /** Every enabled plugin with a browser half, with the config keys it exposes. */
  public getUiPlugins(): UiPluginInfo[] {
    return this.enabled
      .filter((p) => p.manifest.ui)
      .map((p) => ({
        id: p.name,
        path: p.path,
        requiredPlugins: p.requiredPlugins,
        optionalPlugins: p.optionalPlugins,
        exposedConfig: this.exposedConfigOf(p),
      }));
  }

  public getEnabledPlugins() {
    return [...this.enabled];
  }

  private exposedConfigOf(plugin: PluginWrapper) {
    const descriptor = this.descriptors.get(plugin.name);
    if (!descriptor?.exposeToBrowser) return {};
    const config = this.options.configService.atPathSync<Record<string, unknown>>(plugin.manifest.configPath);
    const exposed: Record<string, unknown> = {};
    for (const [key, expose] of Object.entries(descriptor.exposeToBrowser)) {
      if (expose && config && key in config) exposed[key] = config[key];
    }
    return exposed;
  }

  private createInitializerContext(plugin: PluginWrapper): PluginInitializerContext {
    const { env, configService, logger } = this.options;
    const configPath = plugin.manifest.configPath;
    const hasSchema = this.descriptors.has(plugin.name);
    const read = () => (hasSchema ? configService.atPathSync(configPath) : {});
    return {
      opaqueId: plugin.opaqueId,
      env: { mode: env.mode, packageInfo: env.packageInfo, instanceUuid: this.instanceUuid, configs: Object.freeze([...env.configPaths]) },
      logger: { get: (...parts: string[]) => logger.get('plugins', plugin.name, ...parts) },
      config: {
        get: <T>() => read() as T,
        create: <T>() => (hasSchema ? configService.atPath<T>(configPath) : of({} as T)),
        legacy: {
          get: () => ({
            path: { data: configService.atPathSync<{ data: string }>('path').data },
            opensearchDashboards: { index: configService.atPathSync<{ index: string }>('opensearchDashboards').index },
          }),
        },
      },
    };
  }
}

import { get } from 'lodash';
import { ConfigService, Env, KeySources, RawConfig } from './config';
import { opensearchDashboardsConfig, pluginsConfig, savedObjectsConfig, PluginsConfigType, SavedObjectsConfigType } from './core_config';
import { CapabilitiesService, type CapabilitiesSetup, type CapabilitiesStart } from './capabilities';
import { CoreUsageCounterRegistry, CoreUsageDataService, type CoreUsageDataSetup } from './core_usage_data';
import { CspConfig, cspConfig, CspConfigType } from './csp';
import { getSqliteIndexUsage } from './core_usage_data/sqlite_index_usage';
import { DataPathError, ensureWritableDataPath } from './environment/data_path';
import { pathConfig, PathConfigType, resolveDataPath } from './environment/path_config';
import { resolveInstanceUuid } from './environment/resolve_uuid';
import { HttpConfigFileError, HttpConfigType, httpConfig, HttpService, InternalHttpServiceSetup, HttpServiceStart, toHttpConfig } from './http';
import { Logger, loggingConfig, LoggingConfigType, LoggingSystem } from './logging';
import { MetricsService, MetricsServiceSetup, opsConfig, OpsConfigType } from './metrics';
import { PluginsService, PluginWrapper } from './plugins';
import { OpenSearchService, OpenSearchServiceSetup, OpenSearchServiceStart } from './opensearch';
import { opensearchConfig, OpenSearchConfigType } from './opensearch/opensearch_config';
import { createOpenSearchBackendFactory, getOpenSearchIndexUsage, SavedObjectsService, SavedObjectsServiceSetup, SavedObjectsServiceStart } from './saved_objects';
import { RenderingService } from './rendering';
import { registerStatusRoute, StatusService, InternalStatusServiceSetup, statusConfig, StatusConfigType } from './status';
import { configSavedObjectType, registerUiSettingsRoutes, uiSettingsConfig, UiSettingsService, UiSettingsServiceSetup, UiSettingsServiceStart } from './ui_settings';
import { CoreSetup, CoreStart } from './types';

export interface ServerOptions {
  env: Env;
  rawConfig: RawConfig;
  sources: KeySources;
  logging: LoggingSystem;
}

interface CoreServicesSetup {
  http: InternalHttpServiceSetup;
  savedObjects: SavedObjectsServiceSetup;
  uiSettings: UiSettingsServiceSetup;
  status: InternalStatusServiceSetup;
  metrics: MetricsServiceSetup;
  capabilities: CapabilitiesSetup;
  coreUsageData: CoreUsageDataSetup;
}

/**
 * The host: reads and validates config, discovers plugins, then runs every core service and plugin through
 * setup → start → stop. The HTTP server starts listening last, when every plugin has started.
 */
export class Server {
  public readonly configService: ConfigService;
  public readonly plugins: PluginsService;
  private readonly log: Logger;
  private http?: HttpService;
  private savedObjects?: SavedObjectsService;
  private uiSettings?: UiSettingsService;
  private readonly status = new StatusService();
  private metrics?: MetricsService;
  private rendering?: RenderingService;
  private capabilities?: CapabilitiesService;
  private capabilitiesStart?: CapabilitiesStart;
  private opensearch?: OpenSearchService;
  private opensearchStart?: OpenSearchServiceStart;
  private opensearchSetup?: OpenSearchServiceSetup;
  private soIndex = '';
  private coreSetup?: CoreServicesSetup;
  private coreStart?: CoreStart;
  private readonly startResolvers = new Map<string, (value: [CoreStart, object, unknown]) => void>();
  private instanceUuid = '';
  private dataPath = '';

  constructor(private readonly options: ServerOptions) {
    const { env, rawConfig, sources, logging } = options;
    this.log = logging.get('server');
    this.configService = new ConfigService(rawConfig, sources, env);
    for (const descriptor of [httpConfig, pathConfig, loggingConfig, opensearchDashboardsConfig, opsConfig, pluginsConfig, opensearchConfig, uiSettingsConfig, savedObjectsConfig, statusConfig, cspConfig]) {
      this.configService.setSchema(descriptor.path, descriptor.schema as any);
    }
    this.plugins = new PluginsService({ env, configService: this.configService, logger: logging });
  }

  /** Discovers plugins, validates the whole config, and sets everything up. Throws on any config error. */
  public async setup() {
    const extraPaths = get(this.options.rawConfig, ['plugins', 'paths']);
    this.plugins.discover(Array.isArray(extraPaths) ? extraPaths.map(String) : []);
    this.configService.validate();
    this.options.logging.configure(this.configService.atPathSync<LoggingConfigType>('logging'));

    const pathCfg = this.configService.atPathSync<PathConfigType>('path');
    const httpCfg = this.configService.atPathSync<HttpConfigType>('server');
    const opsCfg = this.configService.atPathSync<OpsConfigType>('ops');
    const pluginsCfg = this.configService.atPathSync<PluginsConfigType>('plugins');
    const { env, logging } = this.options;
    this.dataPath = resolveDataPath(pathCfg);
    this.instanceUuid = this.prepareDataPath(httpCfg.uuid);

    const csp = new CspConfig(this.configService.atPathSync<CspConfigType>('csp'));
    this.http = new HttpService(this.httpConfigOf(httpCfg), logging.get('http'), csp);
    this.savedObjects = new SavedObjectsService({ logger: logging.get('savedobjects-service'), dataPath: this.dataPath });
    this.uiSettings = new UiSettingsService({
      logger: logging.get('ui-settings'),
      version: env.packageInfo.version,
      buildNum: env.packageInfo.buildNum,
      overrides: this.configService.atPathSync<{ overrides: Record<string, unknown> }>('uiSettings').overrides,
    });
    this.metrics = new MetricsService({ intervalMs: opsCfg.interval.asMilliseconds(), logger: logging.get('metrics') });
    this.plugins.preSetup({ lifecycleTimeoutMs: pluginsCfg.lifecycleTimeout.asMilliseconds(), instanceUuid: this.instanceUuid });

    const soIndex = this.configService.atPathSync<{ index: string }>('opensearchDashboards').index;
    this.soIndex = soIndex;
    this.opensearch = new OpenSearchService({
      config: this.configService.atPathSync<OpenSearchConfigType>('opensearch'),
      logger: logging.get('opensearch'),
    });
    const opensearchSetup = this.opensearch.setup();
    this.opensearchSetup = opensearchSetup;

    const http = this.http.setup();
    // Core's routes count their calls here; usage_collection registers the counter during its setup.
    const usageCounter = new CoreUsageCounterRegistry(logging.get('core-usage-data'));
    const savedObjects = this.savedObjects.setup({ http, usageCounter });
    if (opensearchSetup.isConfigured) {
      // With a cluster, saved objects live in its index; the client exists only once start reached it.
      savedObjects.setBackendFactory((context) =>
        createOpenSearchBackendFactory({ client: this.opensearchStart!.client.asInternalUser, index: soIndex, logger: logging.get('savedobjects-service', 'opensearch') })(context)
      );
    }
    savedObjects.registerType(configSavedObjectType);
    const core: CoreServicesSetup = {
      http,
      savedObjects,
      uiSettings: this.uiSettings.setup(),
      status: this.status.setup(),
      metrics: this.metrics.setup({ http }),
      capabilities: (this.capabilities = new CapabilitiesService(logging.get('capabilities'))).setup(),
      coreUsageData: usageCounter.setup(),
    };
    this.coreSetup = core;
    core.status.setCoreStatus('opensearch', opensearchSetup.status$);

    const coreRouter = http.createRouter();
    registerStatusRoute({
      router: coreRouter,
      status: this.status,
      metrics: core.metrics,
      auth: http.auth,
      allowAnonymous: this.configService.atPathSync<StatusConfigType>('status').allowAnonymous,
      serverInfo: {
        name: httpCfg.name,
        uuid: this.instanceUuid,
        version: env.packageInfo.version,
        buildNum: env.packageInfo.buildNum,
        buildSha: env.packageInfo.buildSha,
      },
    });
    registerUiSettingsRoutes(coreRouter, { usageCounter });
    // The page and the browser bundle; the bundle builds while the plugins set up.
    this.rendering = new RenderingService({ env, logger: logging.get('rendering') });
    const rendering = this.rendering.setup({
      router: coreRouter,
      csp: http.csp,
      basePath: http.basePath,
      uiPlugins: this.plugins.getUiPlugins(),
      serverUuid: this.instanceUuid,
      serverName: httpCfg.name,
      defaultRoute: httpCfg.defaultRoute,
      uiSettings: core.uiSettings,
      // Every registered setting's schema, so the browser can check values before saving (setting_validation.ts).
      getRegisteredSettings: () => this.uiSettings!.getRegisteredDefaults(),
      resolveCapabilities: (request) => {
        if (!this.capabilitiesStart) throw new Error('capabilities are resolved only once the server has started');
        return this.capabilitiesStart.resolveCapabilities(request);
      },
    });
    // `core.http.resources` pages (`renderCoreApp`, `renderAnonymousCoreApp`) are drawn by the rendering service.
    http.setCorePageRenderer(rendering.render);
    http.setNotFoundPageRenderer(rendering.renderNotFoundPage);

    await this.plugins.setup((plugin) => this.pluginCoreSetup(plugin, core));
  }

  public async start(): Promise<{ port: number }> {
    if (!this.coreSetup || !this.http || !this.savedObjects || !this.uiSettings || !this.metrics) {
      throw new Error('Server.start() called before setup()');
    }
    // First: waits for the cluster (up to opensearch.startupTimeout) when one is configured.
    this.opensearchStart = await this.opensearch!.start();
    const opensearchStart = this.opensearchStart;
    const savedObjects: SavedObjectsServiceStart = await this.savedObjects.start();
    const uiSettings: UiSettingsServiceStart = this.uiSettings.start();
    const metrics = this.metrics.start();
    const capabilities = this.capabilities!.start();
    this.capabilitiesStart = capabilities;
    this.status.start();
    this.coreSetup.http.setCoreContextFactory((request) => {
      const client = savedObjects.getScopedClient(request);
      let settingsClient: unknown;
      const cluster = opensearchStart?.client.asScoped(request);
      return {
        savedObjects: {
          client,
          typeRegistry: savedObjects.getTypeRegistry(),
          getClient: (options: { includedHiddenTypes?: string[] } = {}) => savedObjects.getScopedClient(request, options),
        },
        ...(opensearchStart && cluster
          ? {
              opensearch: {
                client: cluster,
                legacy: { client: { callAsCurrentUser: opensearchStart.createLegacyCallCluster(), callAsInternalUser: opensearchStart.legacy.client.callAsInternalUser } },
              },
            }
          : {}),
        get uiSettings() {
          settingsClient ??= uiSettings.asScopedToClient(client);
          return { client: settingsClient };
        },
      };
    });
    const http: HttpServiceStart = {
      basePath: this.coreSetup.http.basePath,
      getServerInfo: () => this.coreSetup!.http.getServerInfo(),
      auth: this.coreSetup.http.auth,
    };
    const coreUsageData = new CoreUsageDataService({
      http: this.configService.atPathSync<HttpConfigType>('server'),
      opensearch: this.configService.atPathSync<OpenSearchConfigType>('opensearch'),
      logging: this.configService.atPathSync<LoggingConfigType>('logging'),
      savedObjects: this.configService.atPathSync<SavedObjectsConfigType>('savedObjects'),
      getSavedObjectsIndices: () =>
        opensearchStart
          ? getOpenSearchIndexUsage({ client: opensearchStart.client.asInternalUser, index: this.soIndex })
          : getSqliteIndexUsage({
          repository: savedObjects.createInternalRepository(savedObjects.getTypeRegistry().getAllTypes().map((t) => t.name)),
          types: savedObjects.getTypeRegistry().getAllTypes().map((t) => t.name),
          dataPath: this.dataPath,
          alias: this.soIndex,
        }),
    }).start();
    const coreStart: CoreStart = { http, savedObjects, uiSettings, metrics, capabilities, coreUsageData, ...(opensearchStart ? { opensearch: opensearchStart } : {}) };
    this.coreStart = coreStart;
    const started = await this.plugins.start(() => coreStart);
    for (const [name, resolve] of this.startResolvers) {
      const plugin = this.plugins.getEnabledPlugins().find((p) => p.name === name)!;
      resolve([coreStart, this.depsOf(plugin, started), started.get(name)]);
    }
    await this.rendering?.start();
    await this.http.start();
    return { port: this.coreSetup.http.getServerInfo().port };
  }

  public async stop() {
    this.log.info('stopping the server');
    await this.http?.stop();
    await this.plugins.stop();
    this.metrics?.stop();
    this.status.stop();
    await this.savedObjects?.stop();
    await this.opensearch?.stop();
  }

  public getInstanceUuid() {
    return this.instanceUuid;
  }

  public getDataPath() {
    return this.dataPath;
  }

  /**
   * Checks that `path.data` is a writable folder before any service stores a file there, then resolves the
   * instance uuid kept in it. Either failing is a config error on `path.data`, naming the file that set it.
   */
  /** The HTTP config, with the TLS files read: a file that cannot be read is an error on its key. */
  private httpConfigOf(raw: HttpConfigType) {
    try {
      return toHttpConfig(raw);
    } catch (error) {
      if (error instanceof HttpConfigFileError) throw this.configService.errorFor(error.key, error.message);
      throw error;
    }
  }

  private prepareDataPath(configuredUuid: string | undefined) {
    try {
      ensureWritableDataPath(this.dataPath);
      return resolveInstanceUuid({ configured: configuredUuid, dataPath: this.dataPath, logger: this.options.logging.get('uuid') });
    } catch (error) {
      if (error instanceof DataPathError) throw this.configService.errorFor('path.data', `[path.data]: ${error.message}`);
      throw error;
    }
  }

  private depsOf(plugin: PluginWrapper, contracts: Map<string, unknown>) {
    const deps: Record<string, unknown> = {};
    for (const dep of [...plugin.requiredPlugins, ...plugin.optionalPlugins]) {
      if (contracts.has(dep)) deps[dep] = contracts.get(dep);
    }
    return deps;
  }

  private pluginCoreSetup(plugin: PluginWrapper, core: CoreServicesSetup): CoreSetup {
    const startServices = new Promise<[CoreStart, object, unknown]>((resolve) => this.startResolvers.set(plugin.name, resolve));
    return {
      http: {
        createRouter: () => core.http.createRouter(plugin.name),
        registerRouteHandlerContext: core.http.registerRouteHandlerContext,
        basePath: core.http.basePath,
        getServerInfo: core.http.getServerInfo,
        registerOnPreAuth: core.http.registerOnPreAuth,
        registerAuth: core.http.registerAuth,
        registerOnPostAuth: core.http.registerOnPostAuth,
        registerOnPreResponse: core.http.registerOnPreResponse,
        auth: core.http.auth,
        resources: core.http.createResources(plugin.name),
        csp: core.http.csp,
      },
      savedObjects: { registerType: (type) => core.savedObjects.registerType(type) },
      uiSettings: core.uiSettings,
      status: core.status.forPlugin(plugin.name, [...plugin.requiredPlugins, ...plugin.optionalPlugins]),
      metrics: core.metrics,
      capabilities: core.capabilities,
      opensearch: { isConfigured: this.opensearchSetup!.isConfigured, status$: this.opensearchSetup!.status$ },
      coreUsageData: core.coreUsageData,
      getStartServices: () => startServices as Promise<any>,
    };
  }
}

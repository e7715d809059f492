import type { CoreSetup, Logger, Plugin, PluginInitializerContext } from '../../../core/server';
import { createCollectionRegistry, type CollectionRegistry } from './collection_registry';
import type { TelemetryCollectionManagerConfig } from './config';
import { createReportEncryptor, type ReportEncryptor } from './encryption/encrypt';
import { createReportCache, type ReportCache } from './report_cache';
import { createStatsService } from './stats_service';
import type {
  TelemetryCollectionManagerGetters,
  TelemetryCollectionManagerPluginSetup,
  TelemetryCollectionManagerPluginSetupDeps,
  TelemetryCollectionManagerPluginStart,
} from './types';

/**
 * The server half of telemetryCollectionManager: a registry of collections, the report cache and the
 * encryption of sendable reports. Setup and start hand out the same getters.
 */
export class TelemetryCollectionManagerPlugin
  implements Plugin<TelemetryCollectionManagerPluginSetup, TelemetryCollectionManagerPluginStart, TelemetryCollectionManagerPluginSetupDeps>
{
  private readonly logger: Logger;
  private readonly config: TelemetryCollectionManagerConfig;
  private registry?: CollectionRegistry;
  private cache?: ReportCache;
  private getters?: TelemetryCollectionManagerGetters;
  private encryptor?: ReportEncryptor;
  private started = false;

  constructor(initializerContext: PluginInitializerContext<TelemetryCollectionManagerConfig>) {
    this.logger = initializerContext.logger.get();
    this.config = initializerContext.config.get();
  }

  public setup(_core: CoreSetup, { usageCollection }: TelemetryCollectionManagerPluginSetupDeps): TelemetryCollectionManagerPluginSetup {
    const cache = createReportCache({ logger: this.logger.get('cache'), ttlMs: this.config.cacheTtl.asMilliseconds() });
    const registry = createCollectionRegistry({ logger: this.logger, onChange: () => cache.clear() });
    const getters = createStatsService({
      logger: this.logger,
      usageCollection,
      registry,
      cache,
      getEncryptor: () => this.encryptor,
    });
    this.registry = registry;
    this.cache = cache;
    this.getters = getters;
    return {
      ...getters,
      setCollection: (collection) => registry.set(collection),
      setEncryptionKey: (key) => {
        if (this.started) throw new Error('setEncryptionKey must be called during setup.');
        if (this.encryptor) throw new Error('The telemetry encryption key is already set.');
        this.encryptor = createReportEncryptor(key);
        this.logger.info(`Telemetry reports are encrypted to key "${this.encryptor.kid}" before they are sent.`);
      },
      invalidateCache: () => cache.clear(),
    };
  }

  public start(): TelemetryCollectionManagerPluginStart {
    const { registry, getters, cache } = this;
    if (!registry || !getters || !cache) throw new Error('telemetryCollectionManager: start() called before setup()');
    this.started = true;
    return { ...getters, setCollection: (collection) => registry.set(collection), invalidateCache: () => cache.clear() };
  }
}

import type { Logger } from '../../../core/server';
import type { UsageCollectionSetup } from '../../usage_collection/server';
import type { CollectionRegistry } from './collection_registry';
import type { ReportEncryptor } from './encryption/encrypt';
import type { ReportCache } from './report_cache';
import type {
  BasicStatsPayload,
  CollectionConfig,
  EncryptedReport,
  OptInStatsPayload,
  SerializedReport,
  ReportLevel,
  StatsCollectionConfig,
  StatsGetterConfig,
  TelemetryCollectionManagerGetters,
  UsageStatsPayload,
} from './types';
import { isClusterOptedIn } from './util';

/** Every registered collection failed (or none is registered); `causes` holds each collection's error. */
export class TelemetryCollectionError extends Error {
  public readonly causes: ReadonlyArray<{ title: string; error: Error }>;

  private constructor(message: string, causes: Array<{ title: string; error: Error }>) {
    super(message);
    this.name = 'TelemetryCollectionError';
    this.causes = causes;
  }

  public static noCollection() {
    return new TelemetryCollectionError('No telemetry collection is registered.', []);
  }

  public static allFailed(causes: Array<{ title: string; error: Error }>) {
    const detail = causes.map(({ title, error }) => `"${title}": ${error.message}`).join('; ');
    return new TelemetryCollectionError(`Every telemetry collection failed (${detail})`, causes);
  }
}

export interface StatsServiceOptions {
  logger: Logger;
  usageCollection: UsageCollectionSetup;
  registry: CollectionRegistry;
  cache: ReportCache;
  /** The encryptor of `telemetry.encryptionKey`, once set. */
  getEncryptor: () => ReportEncryptor | undefined;
}

/** `getStats`, `getOptInStats` and `areAllCollectorsReady` over the registered collections. */
export function createStatsService(options: StatsServiceOptions): TelemetryCollectionManagerGetters {
  const { logger, usageCollection, registry, cache, getEncryptor } = options;

  const toCollectionConfig = (config: StatsGetterConfig, level: ReportLevel): StatsCollectionConfig => ({
    usageCollection,
    start: config.start,
    end: config.end,
    unencrypted: config.unencrypted,
    request: config.request,
    level,
  });

  /** The caller's level, else the collection's decision, else `full`. */
  const levelFor = async (collection: CollectionConfig<BasicStatsPayload>, config: StatsGetterConfig): Promise<ReportLevel> =>
    config.level ?? (await collection.resolveLevel?.({ unencrypted: config.unencrypted })) ?? 'full';

  /** Runs `use` on each collection, highest priority first, until one gives a non-empty answer. */
  async function firstAnswer<R>(use: (collection: CollectionConfig<BasicStatsPayload>) => Promise<R[]>): Promise<R[]> {
    const collections = registry.ordered();
    if (collections.length === 0) throw TelemetryCollectionError.noCollection();
    const causes: Array<{ title: string; error: Error }> = [];
    for (const collection of collections) {
      try {
        const result = await use(collection);
        if (result.length > 0) return result;
        logger.debug(`Collection "${collection.title}" has no cluster to report.`);
      } catch (e) {
        const error = e instanceof Error ? e : new Error(String(e));
        logger.warn(`Telemetry collection "${collection.title}" failed: ${error.message}`);
        causes.push({ title: collection.title, error });
      }
    }
    if (causes.length === collections.length) throw TelemetryCollectionError.allFailed(causes);
    return [];
  }

  async function collect(collection: CollectionConfig<BasicStatsPayload>, config: StatsCollectionConfig): Promise<UsageStatsPayload[]> {
    const clusters = await collection.clusterDetailsGetter(config);
    if (clusters.length === 0) return [];
    const [stats, licenses] = await Promise.all([
      collection.statsGetter(clusters, config),
      collection.licenseGetter?.(
        clusters.map((c) => c.clusterUuid),
        config
      ),
    ]);
    return stats.map((stat) => {
      const license = licenses?.[stat.cluster_uuid];
      return { ...stat, ...(license ? { license } : {}), collectionSource: collection.title };
    });
  }

  /** Plain payloads, or JWEs when a key is set. */
  async function seal<T>(payloads: T[]): Promise<Array<T | EncryptedReport>> {
    const encryptor = getEncryptor();
    return encryptor ? Promise.all(payloads.map((payload) => encryptor.encrypt(payload))) : payloads;
  }

  const plainReports = (config: StatsGetterConfig) =>
    firstAnswer(async (collection) => {
      const level = await levelFor(collection, config);
      // Keyed by level too: a report built for `full` must never be served to an `operational` caller.
      return cache.get(`${collection.title}:${level}`, () => collect(collection, toCollectionConfig(config, level)), { refresh: config.refreshCache });
    });

  // Second gate after the sender's own: a report whose cluster is not opted in never leaves the manager.
  const leavingReports = async (config: StatsGetterConfig) => (await plainReports({ ...config, unencrypted: false })).filter(isClusterOptedIn);

  async function getStats(config: StatsGetterConfig): Promise<any[]> {
    return config.unencrypted ? plainReports(config) : seal(await leavingReports(config));
  }

  async function getSendableReports({ encrypt = true, ...config }: StatsGetterConfig & { encrypt?: boolean }): Promise<SerializedReport[]> {
    // Built as a plain report first, so the one JSON.stringify below is both what is hashed and what is encrypted.
    const reports = await leavingReports(config);
    const encryptor = encrypt ? getEncryptor() : undefined;
    return Promise.all(
      reports.map(async (report) => {
        const plaintext = JSON.stringify(report);
        const body = encryptor ? await encryptor.encryptText(plaintext) : plaintext;
        return { clusterUuid: report.cluster_uuid, plaintext, body, encrypted: encryptor !== undefined };
      })
    );
  }

  return {
    getStats,
    getSendableReports,
    async sealPlaintext(plaintext: string) {
      const encryptor = getEncryptor();
      return encryptor ? { jwe: await encryptor.encryptText(plaintext), kid: encryptor.kid } : null;
    },
    async getOptInStats(optInStatus: boolean, config: Omit<StatsGetterConfig, 'refreshCache'>) {
      const payloads = await firstAnswer<OptInStatsPayload>(async (collection) =>
        (await collection.clusterDetailsGetter(toCollectionConfig(config, 'operational'))).map(({ clusterUuid }) => ({
          cluster_uuid: clusterUuid,
          opt_in_status: optInStatus,
        }))
      );
      return config.unencrypted ? payloads : seal(payloads);
    },
    areAllCollectorsReady: () => usageCollection.areAllCollectorsReady(),
  };
}

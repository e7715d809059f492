import type { OpenSearchDashboardsRequest } from '../../../core/server';
import type { UsageCollectionSetup } from '../../usage_collection/server';

/** One cluster a collection reports on. */
export interface ClusterDetails {
  clusterUuid: string;
}

/** What every getter of a collection receives. */
export interface StatsCollectionConfig {
  usageCollection: UsageCollectionSetup;
  /** Start of the reported period (ISO date). */
  start: string;
  /** End of the reported period (ISO date). */
  end: string;
  /** Whether the caller asked for the plain report (an admin preview) rather than the sendable one. */
  unencrypted: boolean;
  /** The HTTP request that asked for the report, when there is one. */
  request?: OpenSearchDashboardsRequest;
  /** How much the report carries (docs/consent.md): the collection leaves out what the level does not allow. */
  level: ReportLevel;
}

/** The consent level a report is built for; `off` builds nothing, so it is not one. */
export type ReportLevel = 'operational' | 'full';

/** The per-cluster report of a collection, before the manager adds `license` and `collectionSource`. */
export interface BasicStatsPayload {
  timestamp: string;
  cluster_uuid: string;
  cluster_name: string;
  version: string;
  /** `_cluster/stats` (with `nodes.usage`); absent on the embedded store. */
  cluster_stats?: Record<string, unknown>;
  collection: string;
  stack_stats: {
    opensearch_dashboards?: OpenSearchDashboardsStats;
    [key: string]: unknown;
  };
}

/** `stack_stats.opensearch_dashboards` of the report. */
export interface OpenSearchDashboardsStats {
  count: number;
  indices: number;
  os: Record<string, Array<Record<string, string | number>>>;
  versions: Array<{ version: string; count: number }>;
  /** Every collector's output, keyed by collector type. */
  plugins: Record<string, unknown>;
  [savedObjectCounts: string]: unknown;
}

/** A license, when the cluster has one (OpenSearch has none; kept for collections that do). */
export interface OpenSearchLicense {
  status: string;
  uid: string;
  type: string;
  [key: string]: unknown;
}

/** The per-cluster report as the manager returns it. */
export interface UsageStatsPayload extends BasicStatsPayload {
  license?: OpenSearchLicense;
  /** Title of the collection that built the report. */
  collectionSource: string;
}

/** A report encrypted for one cluster: a JWE in compact serialization. */
export type EncryptedReport = string;

/** One entry of the opt-in status report. */
export interface OptInStatsPayload {
  cluster_uuid: string;
  opt_in_status: boolean;
}

export type ClusterDetailsGetter = (config: StatsCollectionConfig) => Promise<ClusterDetails[]>;
export type StatsGetter<T extends BasicStatsPayload = BasicStatsPayload> = (
  clusters: ClusterDetails[],
  config: StatsCollectionConfig
) => Promise<T[]>;
export type LicenseGetter = (
  clusterUuids: string[],
  config: StatsCollectionConfig
) => Promise<Record<string, OpenSearchLicense | undefined>>;

/** A source of reports. The registered collection with the highest priority is used first. */
export interface CollectionConfig<T extends BasicStatsPayload = BasicStatsPayload> {
  /** Names the collection in `collectionSource` and in logs. */
  title: string;
  priority: number;
  statsGetter: StatsGetter<T>;
  clusterDetailsGetter: ClusterDetailsGetter;
  licenseGetter?: LicenseGetter;
  /**
   * The level of a report when the caller names none: the collection's owner knows the consent decision.
   * Without it, `full`.
   */
  resolveLevel?: (config: { unencrypted: boolean }) => ReportLevel | Promise<ReportLevel>;
}

/** What `getStats` callers pass. */
export interface StatsGetterConfig {
  /** `true`: the plain reports of every cluster (admin preview). `false`: what may be sent (see `getStats`). */
  unencrypted: boolean;
  start: string;
  end: string;
  request?: OpenSearchDashboardsRequest;
  /** Collect again even when the cache holds a fresh report. */
  refreshCache?: boolean;
  /** The level to build for; the collection's `resolveLevel` decides when left out. */
  level?: ReportLevel;
}

/**
 * One cluster's sendable report, serialised once: `plaintext` is the JSON text, `body` the exact string
 * to post (the plaintext itself, or its JWE). A ledger hashes and keeps `plaintext`, so what it records is
 * byte for byte what was sent (or what the JWE holds).
 */
export interface SerializedReport {
  clusterUuid: string;
  plaintext: string;
  body: string;
  /** Whether `body` is a JWE (`telemetry.encryptionKey` set and encryption asked for). */
  encrypted: boolean;
}

/** A plaintext encrypted to `telemetry.encryptionKey`: the compact JWE and the key id it names. */
export interface SealedPlaintext {
  jwe: string;
  kid: string;
}

/** A public RSA key in JWK form; the report is encrypted to it. */
export interface TelemetryPublicJwk {
  kty: 'RSA';
  /** Key id, written in every JWE header so the receiver picks the right private key. */
  kid: string;
  n: string;
  e: string;
  alg?: string;
  use?: string;
}

/** The getters, the same in setup and start. */
export interface TelemetryCollectionManagerGetters {
  /**
   * The per-cluster reports of the highest-priority collection that answers (served from the cache while
   * fresh). `unencrypted: true` returns every cluster's plain report. `unencrypted: false` returns only the
   * clusters whose report says they are opted in, each as a JWE when an encryption key is set, else plain.
   * Rejects with a `TelemetryCollectionError` when every collection failed.
   */
  getStats(config: StatsGetterConfig & { unencrypted: true }): Promise<UsageStatsPayload[]>;
  getStats(config: StatsGetterConfig): Promise<Array<UsageStatsPayload | EncryptedReport>>;
  /** `[{ cluster_uuid, opt_in_status }]` for every cluster, encrypted as `getStats` unless `unencrypted`. */
  getOptInStats(
    optInStatus: boolean,
    config: Omit<StatsGetterConfig, 'refreshCache'>
  ): Promise<Array<OptInStatsPayload | EncryptedReport>>;
  /**
   * The reports that may be sent (opted-in clusters only, as `getStats` with `unencrypted: false`), each
   * serialised once, encrypted when a key is set unless `encrypt: false` (a report kept, not sent).
   */
  getSendableReports(config: StatsGetterConfig & { encrypt?: boolean }): Promise<SerializedReport[]>;
  /** `plaintext` encrypted to `telemetry.encryptionKey`; `null` when no key is set. */
  sealPlaintext(plaintext: string): Promise<SealedPlaintext | null>;
  /** Whether every usage collector is ready (delegates to usageCollection). */
  areAllCollectorsReady(): Promise<boolean>;
}

/** The setup contract of `telemetryCollectionManager`. */
export interface TelemetryCollectionManagerPluginSetup extends TelemetryCollectionManagerGetters {
  /**
   * Registers a collection. Throws for a missing priority, title or getter, and for a priority already
   * taken. The highest priority is used; lower ones are kept as fallbacks (and logged).
   */
  setCollection<T extends BasicStatsPayload>(collection: CollectionConfig<T>): void;
  /**
   * Sets the public key reports are encrypted to (`telemetry.encryptionKey`). Once, during setup; throws
   * for a key that is not a public RSA JWK with a `kid`.
   */
  setEncryptionKey(key: TelemetryPublicJwk): void;
  /** Drops the cached reports: the next `getStats` collects again (call it after a change the report shows). */
  invalidateCache(): void;
}

/** The start contract of `telemetryCollectionManager`. */
export interface TelemetryCollectionManagerPluginStart extends TelemetryCollectionManagerGetters {
  /** As in setup: a collection may still be registered at start. */
  setCollection<T extends BasicStatsPayload>(collection: CollectionConfig<T>): void;
  /** As in setup. */
  invalidateCache(): void;
}

export interface TelemetryCollectionManagerPluginSetupDeps {
  usageCollection: UsageCollectionSetup;
}

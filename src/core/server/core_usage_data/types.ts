/** The `core` section of the usage report (upstream's `CoreUsageData`, as in the spec's sample report). */
export interface CoreUsageData {
  config: {
    opensearch: {
      sniffOnStart: boolean;
      sniffIntervalMs: number;
      sniffOnConnectionFault: boolean;
      numberOfHostsConfigured: number;
      customHeadersConfigured: boolean;
      healthCheckDelayMs: number;
      logQueries: boolean;
      pingTimeoutMs: number;
      requestHeadersWhitelistConfigured: boolean;
      requestTimeoutMs: number;
      shardTimeoutMs: number;
      ssl: {
        alwaysPresentCertificate: boolean;
        certificateAuthoritiesConfigured: boolean;
        certificateConfigured: boolean;
        keyConfigured: boolean;
        verificationMode: 'none' | 'certificate' | 'full';
        truststoreConfigured: boolean;
        keystoreConfigured: boolean;
      };
    };
    http: {
      basePathConfigured: boolean;
      maxPayloadInBytes: number;
      rewriteBasePath: boolean;
      keepaliveTimeout: number;
      socketTimeout: number;
      compression: { enabled: boolean; referrerWhitelistConfigured: boolean };
      xsrf: { disableProtection: boolean; whitelistConfigured: boolean };
      requestId: { allowFromAnyIp: boolean; ipAllowlistConfigured: boolean };
      ssl: { certificateAuthoritiesConfigured: boolean; certificateConfigured: boolean; keyConfigured: boolean; clientAuthentication: 'none' | 'optional' | 'required' };
    };
    logging: { appendersTypesUsed: string[]; loggersConfiguredCount: number };
    savedObjects: { maxImportPayloadBytes: number; maxImportExportSizeBytes: number };
  };
  environment: { memory: { heapSizeLimit: number; heapTotalBytes: number; heapUsedBytes: number } };
  services: { savedObjects: { indices: SavedObjectsIndexUsage[] } };
}

export interface SavedObjectsIndexUsage {
  alias: string;
  docsCount: number;
  docsDeleted: number;
  storeSizeBytes: number;
  primaryStoreSizeBytes: number;
}

/** `core.coreUsageData` in the start contract: read by the `core` usage collector. */
export interface CoreUsageDataStart {
  getCoreUsageData(): Promise<CoreUsageData>;
}

/** What core increments: upstream's `incrementCounter` parameters. */
export interface CoreIncrementCounterParams {
  /** Names the counted thing, e.g. `savedObjects.get`. */
  counterName: string;
  /** `count` when omitted. */
  counterType?: string;
  /** 1 when omitted. */
  incrementBy?: number;
}

/** A usage counter as `usageCollection.createUsageCounter` makes it: core needs only this method. */
export interface CoreUsageCounter {
  incrementCounter(params: CoreIncrementCounterParams): void;
}

/** `core.coreUsageData` in the setup contract: the usage_collection plugin hands core its counter here. */
export interface CoreUsageDataSetup {
  /** Once per server; throws when called twice or with something that is not a counter. */
  registerUsageCounter(usageCounter: CoreUsageCounter): void;
}

/** Core's own side: what core's routes call. Never throws, never waits. */
export interface CoreUsageCounterSink {
  incrementUsageCounter(params: CoreIncrementCounterParams): void;
}

/*
 * The `core` section of the telemetry report, as core will provide it. Defined here until core's
 * `coreUsageData` start contract exists; the collector reads `core.coreUsageData` defensively.
 */

/** Core's usage data: which config options are set (never their values), memory, and store sizes. */
export interface CoreUsageData {
  config: {
    opensearch: {
      apiVersion: string;
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
        verificationMode: string;
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
      ssl: {
        certificateAuthoritiesConfigured: boolean;
        certificateConfigured: boolean;
        cipherSuites: string[];
        keyConfigured: boolean;
        redirectHttpFromPortConfigured: boolean;
        supportedProtocols: string[];
        clientAuthentication: string;
        keystoreConfigured: boolean;
        truststoreConfigured: boolean;
      };
    };
    logging: {
      appendersTypesUsed: string[];
      loggersConfiguredCount: number;
    };
    savedObjects: {
      maxImportPayloadBytes: number;
      maxImportExportSizeBytes: number;
    };
  };
  environment: {
    memory: {
      heapSizeLimit: number;
      heapTotalBytes: number;
      heapUsedBytes: number;
    };
  };
  services: {
    savedObjects: {
      indices: Array<{
        alias: string;
        docsCount: number;
        docsDeleted: number;
        storeSizeBytes: number;
        primaryStoreSizeBytes: number;
      }>;
    };
  };
}

/** Core's `coreUsageData` start contract, as the lead engineer will add it. */
export interface CoreUsageDataStart {
  getCoreUsageData(): Promise<CoreUsageData>;
}

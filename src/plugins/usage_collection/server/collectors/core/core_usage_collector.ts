import type { MakeSchemaFrom } from '../../collector';
import type { UsageCollectionSetup } from '../../types';
import type { CoreUsageData, CoreUsageDataStart } from './types';

export const coreUsageSchema: MakeSchemaFrom<CoreUsageData> = {
  config: {
    opensearch: {
      sniffOnStart: 'boolean',
      sniffIntervalMs: 'long',
      sniffOnConnectionFault: 'boolean',
      numberOfHostsConfigured: 'long',
      customHeadersConfigured: 'boolean',
      healthCheckDelayMs: 'long',
      logQueries: 'boolean',
      pingTimeoutMs: 'long',
      requestHeadersWhitelistConfigured: 'boolean',
      requestTimeoutMs: 'long',
      shardTimeoutMs: 'long',
      ssl: {
        alwaysPresentCertificate: 'boolean',
        certificateAuthoritiesConfigured: 'boolean',
        certificateConfigured: 'boolean',
        keyConfigured: 'boolean',
        verificationMode: 'keyword',
        truststoreConfigured: 'boolean',
        keystoreConfigured: 'boolean',
      },
    },
    http: {
      basePathConfigured: 'boolean',
      maxPayloadInBytes: 'long',
      rewriteBasePath: 'boolean',
      keepaliveTimeout: 'long',
      socketTimeout: 'long',
      compression: { enabled: 'boolean', referrerWhitelistConfigured: 'boolean' },
      xsrf: { disableProtection: 'boolean', whitelistConfigured: 'boolean' },
      requestId: { allowFromAnyIp: 'boolean', ipAllowlistConfigured: 'boolean' },
      ssl: {
        certificateAuthoritiesConfigured: 'boolean',
        certificateConfigured: 'boolean',
        keyConfigured: 'boolean',
        clientAuthentication: 'keyword',
      },
    },
    logging: {
      appendersTypesUsed: { type: 'array', items: 'keyword' },
      loggersConfiguredCount: 'long',
    },
    savedObjects: {
      maxImportPayloadBytes: 'long',
      maxImportExportSizeBytes: 'long',
    },
  },
  environment: {
    memory: {
      heapSizeLimit: 'long',
      heapTotalBytes: 'long',
      heapUsedBytes: 'long',
    },
  },
  services: {
    savedObjects: {
      indices: {
        type: 'array',
        items: {
          alias: 'keyword',
          docsCount: 'long',
          docsDeleted: 'long',
          storeSizeBytes: 'long',
          primaryStoreSizeBytes: 'long',
        },
      },
    },
  },
};

/**
 * Registers `core`: config flags, memory and store sizes from core's `coreUsageData` (`CoreStart`), read
 * once the plugin has started; not ready before that.
 */
export function registerCoreUsageCollector(usageCollection: UsageCollectionSetup, getCoreUsageData: () => CoreUsageDataStart | undefined) {
  const collector = usageCollection.makeUsageCollector<CoreUsageData>({
    type: 'core',
    category: 'operational',
    schema: coreUsageSchema,
    isReady: () => typeof getCoreUsageData()?.getCoreUsageData === 'function',
    fetch: () => getCoreUsageData()?.getCoreUsageData(),
  });
  usageCollection.registerCollector(collector);
}

import { getHeapStatistics } from 'v8';
import { HttpConfigType } from '../http';
import { LoggingConfigType } from '../logging';
import { OpenSearchConfigType, SavedObjectsConfigType } from '../core_config';
import { CoreUsageData, CoreUsageDataStart, SavedObjectsIndexUsage } from './types';

export interface CoreUsageDataServiceOptions {
  http: HttpConfigType;
  opensearch: OpenSearchConfigType;
  logging: LoggingConfigType;
  savedObjects: SavedObjectsConfigType;
  /** Reads the saved-objects store's size: from the SQLite file, or from the OpenSearch index stats. */
  getSavedObjectsIndices(): Promise<SavedObjectsIndexUsage[]>;
}

/**
 * Describes how this server is configured and how big its store is, without any value that identifies the
 * installation: flags and sizes only, never hosts, paths or names.
 */
export class CoreUsageDataService {
  constructor(private readonly options: CoreUsageDataServiceOptions) {}

  public start(): CoreUsageDataStart {
    return { getCoreUsageData: () => this.getCoreUsageData() };
  }

  private async getCoreUsageData(): Promise<CoreUsageData> {
    const { http, opensearch, logging, savedObjects } = this.options;
    const hosts = opensearch.hosts === undefined ? [] : Array.isArray(opensearch.hosts) ? opensearch.hosts : [opensearch.hosts];
    const memory = process.memoryUsage();
    return {
      config: {
        opensearch: {
          // This host never sniffs and sends no custom headers; the flags say so rather than being left out.
          sniffOnStart: false,
          sniffIntervalMs: -1,
          sniffOnConnectionFault: false,
          numberOfHostsConfigured: hosts.length,
          customHeadersConfigured: false,
          healthCheckDelayMs: opensearch.healthCheck.delay.asMilliseconds(),
          logQueries: opensearch.logQueries,
          pingTimeoutMs: opensearch.pingTimeout.asMilliseconds(),
          requestHeadersWhitelistConfigured: false,
          requestTimeoutMs: opensearch.requestTimeout.asMilliseconds(),
          shardTimeoutMs: opensearch.shardTimeout.asMilliseconds(),
          ssl: {
            alwaysPresentCertificate: false,
            certificateAuthoritiesConfigured: opensearch.ssl.certificateAuthorities !== undefined,
            certificateConfigured: opensearch.ssl.certificate !== undefined,
            keyConfigured: opensearch.ssl.key !== undefined,
            verificationMode: opensearch.ssl.verificationMode,
            truststoreConfigured: false,
            keystoreConfigured: false,
          },
        },
        http: {
          basePathConfigured: http.basePath !== '',
          maxPayloadInBytes: http.maxPayloadBytes.getValueInBytes(),
          rewriteBasePath: http.rewriteBasePath,
          keepaliveTimeout: http.keepaliveTimeout,
          socketTimeout: http.socketTimeout,
          compression: { enabled: http.compression.enabled, referrerWhitelistConfigured: false },
          xsrf: { disableProtection: http.xsrf.disableProtection, whitelistConfigured: http.xsrf.allowlist.length > 0 },
          requestId: { allowFromAnyIp: false, ipAllowlistConfigured: false },
          ssl: { certificateAuthoritiesConfigured: false, certificateConfigured: false, keyConfigured: false, clientAuthentication: 'none' },
        },
        logging: {
          appendersTypesUsed: [logging.json ? 'json' : 'console'],
          loggersConfiguredCount: logging.loggers.length,
        },
        savedObjects: {
          maxImportPayloadBytes: savedObjects.maxImportPayloadBytes.getValueInBytes(),
          maxImportExportSizeBytes: savedObjects.maxImportExportSize.getValueInBytes(),
        },
      },
      environment: {
        memory: {
          heapSizeLimit: getHeapStatistics().heap_size_limit,
          heapTotalBytes: memory.heapTotal,
          heapUsedBytes: memory.heapUsed,
        },
      },
      services: { savedObjects: { indices: await this.options.getSavedObjectsIndices() } },
    };
  }
}

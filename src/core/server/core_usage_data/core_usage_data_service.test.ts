import { schema } from '@osd/config-schema';
import { httpConfigSchema } from '../http/http_config';
import { loggingConfigSchema } from '../logging/logging_config';
import { opensearchConfig, savedObjectsConfig } from '../core_config';
import { CoreUsageDataService } from './core_usage_data_service';

const validate = <T>(s: { validate(v: unknown): T }, v: unknown) => s.validate(v);

describe('CoreUsageDataService', () => {
  it('reports config flags from the validated config, memory, and the store size', async () => {
    const service = new CoreUsageDataService({
      http: validate(httpConfigSchema, { basePath: '/osd', xsrf: { allowlist: ['/api/x'] } }),
      opensearch: validate(opensearchConfig.schema, { hosts: ['http://a:9200', 'http://b:9200'], requestTimeout: '10s' }),
      logging: validate(loggingConfigSchema, { loggers: [{ context: 'a', level: 'debug' }] }),
      savedObjects: validate(savedObjectsConfig.schema, {}),
      getSavedObjectsIndices: async () => [{ alias: '.osd', docsCount: 3, docsDeleted: 0, storeSizeBytes: 10, primaryStoreSizeBytes: 10 }],
    });
    const usage = await service.start().getCoreUsageData();
    expect(usage.config.opensearch).toMatchObject({ numberOfHostsConfigured: 2, requestTimeoutMs: 10000, pingTimeoutMs: 30000, healthCheckDelayMs: 2500 });
    expect(usage.config.http).toMatchObject({ basePathConfigured: true, maxPayloadInBytes: 1048576, xsrf: { disableProtection: false, whitelistConfigured: true } });
    expect(usage.config.logging).toEqual({ appendersTypesUsed: ['console'], loggersConfiguredCount: 1 });
    expect(usage.config.savedObjects).toEqual({ maxImportPayloadBytes: 26214400, maxImportExportSizeBytes: 10000 });
    expect(usage.environment.memory.heapUsedBytes).toBeGreaterThan(0);
    expect(usage.services.savedObjects.indices[0].docsCount).toBe(3);
    // Nothing that identifies the installation: no host names.
    expect(JSON.stringify(usage)).not.toContain('http://a');
    expect(schema).toBeDefined();
  });
});

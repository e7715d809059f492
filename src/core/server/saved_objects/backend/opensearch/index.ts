import type { Client } from '@opensearch-project/opensearch';
import type { Logger } from '../../../logging/types';
import type { SavedObjectsBackendFactory } from '../types';
import { OpenSearchSavedObjectsBackend, type OpenSearchRefresh } from './opensearch_backend';

export { OpenSearchSavedObjectsBackend } from './opensearch_backend';
export type { OpenSearchSavedObjectsBackendOptions, OpenSearchRefresh } from './opensearch_backend';
export { getOpenSearchIndexUsage } from './index_usage';
export type { OpenSearchIndexUsage } from './index_usage';

export interface OpenSearchBackendFactoryOptions {
  /** The core OpenSearch service's internal client; the backend never closes it. */
  client: Client;
  /** `opensearchDashboards.index`, default `.opensearch_dashboards`. */
  index: string;
  /** Defaults to the logger the saved objects service hands the factory. */
  logger?: Logger;
  refresh?: OpenSearchRefresh;
}

/**
 * Saved objects in OpenSearch, for `SavedObjectsServiceOptions.backendFactory` or
 * `setup.setBackendFactory`. The type registry comes from the service when it starts, so every
 * type registered during setup gets its mappings.
 */
export function createOpenSearchBackendFactory(
  options: OpenSearchBackendFactoryOptions
): SavedObjectsBackendFactory {
  return ({ logger, typeRegistry }) =>
    new OpenSearchSavedObjectsBackend({
      client: options.client,
      index: options.index,
      typeRegistry,
      logger: options.logger ?? logger,
      refresh: options.refresh,
    });
}

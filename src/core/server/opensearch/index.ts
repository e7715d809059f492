export { OpenSearchService } from './opensearch_service';
export type { OpenSearchServiceOptions } from './opensearch_service';
export { OpenSearchServiceError } from './errors';
export type { OpenSearchServiceErrorCode } from './errors';
export { createLegacyCallCluster } from './legacy_call_cluster';
export type {
  IClusterClient,
  IScopedClusterClient,
  LegacyAPICaller,
  LegacyCallAPIOptions,
  OpenSearchServiceSetup,
  OpenSearchServiceStart,
  ScopeableRequest,
} from './types';

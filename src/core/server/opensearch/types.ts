import type { Client } from '@opensearch-project/opensearch';
import type { Observable } from 'rxjs';
import type { ServiceStatus } from '../status';

/** Anything carrying the headers of an incoming request (an OpenSearchDashboardsRequest, or a fake). */
export interface ScopeableRequest {
  headers?: Record<string, string | string[] | undefined>;
}

/** A client pair for one request: as the server itself, and as the user who made the request. */
export interface IScopedClusterClient {
  /** Acts as the server (configured credentials). */
  readonly asInternalUser: Client;
  /** Acts as the user: the request's `authorization` header is forwarded when it has one. */
  readonly asCurrentUser: Client;
}

/** The cluster client core hands out. */
export interface IClusterClient {
  /** Acts as the server (configured credentials). */
  readonly asInternalUser: Client;
  /** Clients scoped to an incoming request. */
  asScoped(request: ScopeableRequest): IScopedClusterClient;
}

/** Options of a legacy call. */
export interface LegacyCallAPIOptions {
  /** Aborts the request (the call then rejects). */
  signal?: AbortSignal;
}

/**
 * Upstream's legacy `callCluster`: `callCluster('cluster.stats')`, `callCluster('search', { index, body })`.
 * The endpoint names a client method (`<namespace>.<method>` or `<method>`); it resolves with the
 * response BODY, and rejects with the client's error.
 */
export type LegacyAPICaller = <T = any>(
  endpoint: string,
  clientParams?: Record<string, unknown>,
  options?: LegacyCallAPIOptions
) => Promise<T>;

export interface OpenSearchServiceSetup {
  /** True when `opensearch.hosts` is set. False: no cluster, the embedded store is used. */
  isConfigured: boolean;
  /**
   * The `opensearch` core status: unavailable until start has reached the cluster, then available
   * while the periodic health check gets answers and degraded while it does not. Available (with
   * a summary saying so) when OpenSearch is not configured.
   */
  status$: Observable<ServiceStatus>;
}

export interface OpenSearchServiceStart {
  /** The client (`@opensearch-project/opensearch`), as the server or scoped to a request. */
  client: IClusterClient;
  /** Upstream's legacy client, for code written against `callAsInternalUser(endpoint, params)`. */
  legacy: { client: { callAsInternalUser: LegacyAPICaller } };
  /** A `callCluster` for collectors written to the spec's `fetch(callCluster)` signature. */
  createLegacyCallCluster(): LegacyAPICaller;
}

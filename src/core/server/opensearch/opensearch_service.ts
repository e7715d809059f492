import { Client } from '@opensearch-project/opensearch';
import { BehaviorSubject } from 'rxjs';
import type { OpenSearchConfigType } from './opensearch_config';
import type { Logger } from '../logging/types';
import { ServiceStatusLevels, type ServiceStatus } from '../status';
import { buildClientOptions, hostsOf } from './client_config';
import { formatHosts, OpenSearchServiceError } from './errors';
import { availableStatus, OpenSearchHealthCheck } from './health_check';
import { createLegacyCallCluster } from './legacy_call_cluster';
import type { IClusterClient, OpenSearchServiceSetup, OpenSearchServiceStart, ScopeableRequest } from './types';
import { waitForCluster } from './wait_for_cluster';

export interface OpenSearchServiceOptions {
  /** The validated `opensearch.*` config. */
  config: OpenSearchConfigType;
  logger: Logger;
}

/**
 * Core's OpenSearch service. Setup tells whether a cluster is configured and hands out its status;
 * start connects (waiting for the cluster up to `startupTimeout`) and hands out the clients; stop
 * ends the health check and closes the connections. With no `opensearch.hosts` nothing connects:
 * start returns undefined and the status says the embedded store is in use.
 */
export class OpenSearchService {
  private readonly config: OpenSearchConfigType;
  private readonly logger: Logger;
  private readonly hosts: string[];
  private status$?: BehaviorSubject<ServiceStatus>;
  private client?: Client;
  private healthCheck?: OpenSearchHealthCheck;
  private started = false;

  constructor({ config, logger }: OpenSearchServiceOptions) {
    this.config = config;
    this.logger = logger;
    this.hosts = hostsOf(config);
  }

  public setup(): OpenSearchServiceSetup {
    const isConfigured = this.hosts.length > 0;
    if (isConfigured) {
      // Built now so that a bad certificate path or auth setting fails the server's setup.
      this.client = new Client(buildClientOptions(this.config));
      if (this.config.logQueries) {
        this.logQueries(this.client);
      }
    }
    this.status$ = new BehaviorSubject<ServiceStatus>(
      isConfigured
        ? { level: ServiceStatusLevels.unavailable, summary: `Waiting for OpenSearch at ${formatHosts(this.hosts)}` }
        : { level: ServiceStatusLevels.available, summary: 'OpenSearch is not configured; the embedded store is in use' }
    );
    return { isConfigured, status$: this.status$.asObservable() };
  }

  /**
   * Waits for the cluster, then starts the health check. Rejects with an OpenSearchServiceError
   * naming the hosts when the cluster did not answer within `startupTimeout`.
   */
  public async start(): Promise<OpenSearchServiceStart | undefined> {
    if (!this.status$) {
      throw OpenSearchServiceError.lifecycle('OpenSearchService.start() called before setup()');
    }
    if (this.started) {
      throw OpenSearchServiceError.lifecycle('OpenSearchService is already started');
    }
    this.started = true;
    const client = this.client;
    if (!client) {
      return undefined;
    }
    const info = await waitForCluster({
      client,
      hosts: this.hosts,
      startupTimeoutMs: this.config.startupTimeout.asMilliseconds(),
      pingTimeoutMs: this.config.pingTimeout.asMilliseconds(),
      logger: this.logger,
    });
    this.logger.info(
      `connected to OpenSearch ${info.version} at ${formatHosts(this.hosts)} (cluster ${info.clusterName}, ${info.clusterUuid})`
    );
    this.status$.next(availableStatus(this.hosts));
    this.healthCheck = new OpenSearchHealthCheck({
      client,
      hosts: this.hosts,
      delayMs: this.config.healthCheck.delay.asMilliseconds(),
      timeoutMs: this.config.pingTimeout.asMilliseconds(),
      logger: this.logger,
      status$: this.status$,
    });
    this.healthCheck.start();

    const callAsInternalUser = createLegacyCallCluster(client);
    const clusterClient: IClusterClient = {
      asInternalUser: client,
      asScoped: (request: ScopeableRequest) => scoped(client, request),
    };
    return {
      client: clusterClient,
      legacy: { client: { callAsInternalUser } },
      createLegacyCallCluster: () => createLegacyCallCluster(client),
    };
  }

  public async stop() {
    this.healthCheck?.stop();
    this.healthCheck = undefined;
    this.status$?.complete();
    const client = this.client;
    this.client = undefined;
    await client?.close();
  }

  /** `opensearch.logQueries`: one debug line per request, with its status and duration. */
  private logQueries(client: Client) {
    client.on('response', (error, result) => {
      const request = result?.meta?.request?.params;
      if (!request) {
        return;
      }
      const status = result.statusCode ?? (error as { statusCode?: number } | null)?.statusCode ?? 'error';
      this.logger.debug(`${status} ${request.method} ${request.path}${request.querystring ? `?${request.querystring}` : ''}`, {
        tags: ['query'],
      });
    });
  }
}

/**
 * The user's client forwards the request's `authorization` header (upstream's default
 * `requestHeadersWhitelist`), which takes precedence over the configured credentials. A child
 * client shares the parent's connections, so this is cheap.
 */
function scoped(client: Client, request: ScopeableRequest) {
  const authorization = request?.headers?.authorization;
  return {
    asInternalUser: client,
    asCurrentUser: authorization ? client.child({ headers: { authorization } }) : client,
  };
}

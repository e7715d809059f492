import type { Subscription } from 'rxjs';
import {
  SavedObjectsClient,
  type CoreSetup,
  type CoreStart,
  type Logger,
  type Plugin,
  type PluginInitializerContext,
  type SavedObjectsClientContract,
} from '../../../core/server';
import { parsePublicJwk } from '../../telemetry_collection_manager/server';
import { registerTelemetryPluginUsageCollector } from './collectors';
import type { TelemetryConfigType } from './config';
import { describeTelemetryState } from './describe_state';
import { readTelemetryEnvironment, type TelemetryEnvironment } from './environment';
import {
  createConsentSender,
  createFetcherTask,
  createNullSender,
  createOptInStatusSender,
  createTelemetryHttpClient,
  type FetcherTask,
  type OptInStatusSender,
} from './fetcher';
import { createRetryPolicy } from '../common/retry_policy';
import { formatDuration } from './fetcher/requests';
import { getActiveFailureCount } from './fetcher/send_decision';
import { createReportLedger, type ReportLedger, REPORT_PAYLOAD_TYPE, REPORT_TYPE, reportPayloadSavedObjectType, reportSavedObjectType } from './ledger';
import { createOptInService, type OptInService } from './opt_in_state';
import { registerReportRoutes, registerRoutes } from './routes';
import { getClusterCaller, createOsInfoReader, registerCollection, type ClusterCaller } from './telemetry_collection';
import { telemetrySavedObjectType } from './telemetry_repository';
import type { TelemetryPluginSetup, TelemetryPluginStart, TelemetryPluginsDepsSetup, TelemetryPluginsDepsStart } from './types';
import { TELEMETRY_SAVED_OBJECT_TYPE } from '../common/constants';
import { reportLevelFor } from '../common/consent';

/** How often the opt-in state is re-read, so that `isOptedIn$` follows changes made on other servers. */
const OPT_IN_POLL_INTERVAL_MS = 10000;

/** What start reads from core besides the typed contract: the OpenSearch service, once core has one. */
type CoreStartWithOpenSearch = CoreStart & { opensearch?: { client?: { asInternalUser?: unknown } } };

/**
 * The server half of telemetry: the opt-in state (saved object + config + environment), the `local`
 * collection, the routes, the `telemetry` collector, the server sender and the ledger of its reports.
 */
export class TelemetryPlugin implements Plugin<TelemetryPluginSetup, TelemetryPluginStart, TelemetryPluginsDepsSetup, TelemetryPluginsDepsStart> {
  private readonly logger: Logger;
  private readonly config: TelemetryConfigType;
  private readonly currentVersion: string;
  private readonly instanceUuid: string;
  private readonly environment: TelemetryEnvironment;
  /** A failure pause recorded before this time is not honoured: a restart lifts it (`common/retry_policy.ts`). */
  private readonly startedAt = Date.now();
  private optIn?: OptInService;
  private optInStatusSender?: OptInStatusSender;
  private fetcher?: FetcherTask;
  private internalClient?: SavedObjectsClientContract;
  private clusterCaller?: ClusterCaller;
  private opensearchClient?: unknown;
  /** False when core says no cluster is configured (its OpenSearch setup contract's `isConfigured`). */
  private clusterConfigured = true;
  private readonly httpClient = createTelemetryHttpClient();
  /** Every report generated (sent, failed or kept), in the store, through the server's own client. */
  private readonly ledger: ReportLedger;
  private cacheInvalidation?: Subscription;

  constructor(initializerContext: PluginInitializerContext<TelemetryConfigType>) {
    this.logger = initializerContext.logger.get();
    this.config = initializerContext.config.get();
    this.currentVersion = initializerContext.env.packageInfo.version;
    this.instanceUuid = initializerContext.env.instanceUuid;
    // Read once here; everything below gets the values, nothing reads process.env again.
    this.environment = readTelemetryEnvironment(process.env);
    this.ledger = createReportLedger({
      logger: this.logger.get('ledger'),
      getClient: () => this.internalClient,
      maxReports: this.config.history.maxReports,
    });
  }

  public setup(core: CoreSetup, { usageCollection, telemetryCollectionManager }: TelemetryPluginsDepsSetup): TelemetryPluginSetup {
    const { config, logger, environment, currentVersion } = this;
    core.savedObjects.registerType(telemetrySavedObjectType);
    core.savedObjects.registerType(reportSavedObjectType);
    core.savedObjects.registerType(reportPayloadSavedObjectType);
    // What the UI offers: a security plugin switches each off for users without its privilege (its
    // capabilities switcher maps `readReports`, the report history, to `telemetry:reports`, the ledger routes' tag).
    core.capabilities.registerProvider(() => ({ telemetry: { optIn: true, readReport: true, readReports: true } }));
    this.clusterConfigured = (core as CoreSetup & { opensearch?: { isConfigured?: boolean } }).opensearch?.isConfigured !== false;
    if (config.encryptionKey !== undefined) telemetryCollectionManager.setEncryptionKey(parsePublicJwk(config.encryptionKey));

    const optIn = createOptInService({
      logger,
      config: {
        optIn: config.optIn,
        level: config.level,
        allowChangingOptInStatus: config.allowChangingOptInStatus,
        sendUsageFrom: config.sendUsageFrom,
        generateOnly: config.generateOnly,
      },
      environment,
      currentVersion,
      getInternalClient: () => this.internalClient,
      pollIntervalMs: OPT_IN_POLL_INTERVAL_MS,
    });
    this.optIn = optIn;
    const optInStatusSender = createOptInStatusSender({
      logger: logger.get('opt_in_status'),
      httpClient: this.httpClient,
      debug: environment.debug,
      generateOnly: config.generateOnly,
      url: config.optInStatusUrl,
      version: currentVersion,
      timeoutMs: config.requestTimeout.asMilliseconds(),
      minIntervalMs: config.optInStatusInterval.asMilliseconds(),
      isStillAllowed: async () => {
        const { state } = await optIn.refresh();
        return state.optIn === true && state.sendUsageFrom === 'server';
      },
    });
    this.optInStatusSender = optInStatusSender;

    registerCollection(telemetryCollectionManager, {
      logger: logger.get('collection'),
      getClusterCaller: () => this.clusterCaller,
      getOpenSearchClient: () => this.opensearchClient,
      getSavedObjectsClient: () => this.internalClient,
      instanceUuid: this.instanceUuid,
      version: currentVersion,
      getOsInfo: createOsInfoReader(),
      // A plain report is a preview for an admin; an encrypted (or sendable) one goes out at the decided level.
      resolveLevel: async ({ unencrypted }) => reportLevelFor((await optIn.refresh()).state.level, unencrypted ? 'preview' : 'send'),
    });
    const router = core.http.createRouter();
    registerRoutes({
      router,
      logger,
      currentVersion,
      collectionManager: telemetryCollectionManager,
      optIn,
      optInStatusSender,
    });
    registerReportRoutes({ router, logger, ledger: this.ledger, getSender: () => this.fetcher, collectionManager: telemetryCollectionManager });
    registerTelemetryPluginUsageCollector(usageCollection, () => ({ readState: this.internalClient ? () => optIn.refresh() : undefined }));

    return { getTelemetryUrl: async () => new URL(config.url) };
  }

  public start(core: CoreStartWithOpenSearch, { telemetryCollectionManager }: TelemetryPluginsDepsStart): TelemetryPluginStart {
    const { optIn, config, environment, logger } = this;
    if (!optIn) throw new Error('telemetry: start() called before setup()');
    this.internalClient = new SavedObjectsClient(core.savedObjects.createInternalRepository([TELEMETRY_SAVED_OBJECT_TYPE, REPORT_TYPE, REPORT_PAYLOAD_TYPE]));
    // No cluster (the embedded store): the report has no cluster_stats and the server's uuid stands for the cluster's.
    this.clusterCaller = this.clusterConfigured ? getClusterCaller(core) : undefined;
    this.opensearchClient = this.clusterConfigured ? core.opensearch?.client?.asInternalUser : undefined;
    // The report shows the opt-in status: a cached one is stale once it changes (here or on another server).
    this.cacheInvalidation = optIn.optInStatus$.subscribe(() => telemetryCollectionManager.invalidateCache());
    optIn.start();

    const reportInterval = formatDuration(config.reportInterval.asMilliseconds());
    optIn
      .refresh()
      .then(({ state, savedObject }) => {
        const activeFailures = getActiveFailureCount(savedObject ? savedObject.attributes : savedObject, this.currentVersion);
        logger.info(
          describeTelemetryState(state, {
            environment,
            url: config.url,
            reportInterval,
            activeFailures,
            currentVersion: this.currentVersion,
            failurePause: formatDuration(config.failurePause.asMilliseconds()),
            generateOnly: config.generateOnly,
          })
        );
      })
      .catch((error) => logger.warn(`Could not read the telemetry opt-in state at start: ${(error as Error).message}`));

    // With the environment forcing an opt-out there is no sender at all, not even a timer.
    if (!environment.forcedOptOutBy) {
      const timings = {
        initialCheckDelayMs: config.initialCheckDelay.asMilliseconds(),
        checkIntervalMs: config.checkInterval.asMilliseconds(),
        reportIntervalMs: config.reportInterval.asMilliseconds(),
        retryDelayMs: config.retryDelay.asMilliseconds(),
        failurePauseMs: config.failurePause.asMilliseconds(),
        requestTimeoutMs: config.requestTimeout.asMilliseconds(),
      };
      // One retry rule for every real sender this server makes (the browser builds the same from the same config).
      const retryPolicy = createRetryPolicy(timings);
      const fetcherLogger = logger.get('fetcher');
      // While consent is off the sender in use is the null sender; a real one exists only while opted in.
      this.fetcher = createConsentSender({
        logger: fetcherLogger,
        optIn,
        nullSender: createNullSender({ checkIntervalMs: timings.checkIntervalMs }),
        createReal: () =>
          createFetcherTask({
            logger: fetcherLogger,
            url: config.url,
            timings,
            retryPolicy,
            startedAt: this.startedAt,
            currentVersion: this.currentVersion,
            instanceUuid: this.instanceUuid,
            debug: environment.debug,
            generateOnly: config.generateOnly,
            optIn,
            getSavedObjectsClient: () => this.internalClient,
            collectionManager: telemetryCollectionManager,
            httpClient: this.httpClient,
            ledger: this.ledger,
          }),
      });
      this.fetcher.start();
    }
    return { getIsOptedIn: () => optIn.getIsOptedIn(), isOptedIn$: optIn.isOptedIn$ };
  }

  public async stop() {
    await this.fetcher?.stop();
    await this.optInStatusSender?.stop();
    this.cacheInvalidation?.unsubscribe();
    this.optIn?.stop();
  }
}

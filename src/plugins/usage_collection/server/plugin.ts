import type { Subscription } from 'rxjs';
import {
  SavedObjectsClient,
  type CoreSetup,
  type CoreStart,
  type ISavedObjectsRepository,
  type Logger,
  type Plugin,
  type PluginInitializerContext,
  type SavedObjectsClientContract,
  type ServiceStatus,
} from '../../../core/server';
import { CollectorSet } from './collector';
import {
  ApplicationUsageRollups,
  applicationUsageSavedObjectTypes,
  type CoreUsageDataStart,
  registerApplicationUsageCollector,
  registerCoreUsageCollector,
  registerManagementUsageCollector,
  registerOpenSearchDashboardsUsageCollector,
  registerOpsStatsCollector,
  registerUiMetricUsageCollector,
  uiMetricSavedObjectType,
} from './collectors';
import { registerCspCollector } from './collectors/csp';
import { registerStaticTelemetryCollector } from './collectors/static_telemetry';
import type { UsageCollectionConfig } from './config';
import { IngestGuard } from './ingest/ingest_guard';
import { clientIdentity } from './ingest/client_identity';
import { OpsMetricsTracker } from './ops_metrics_tracker';
import { ReportWriter } from './report/report_writer';
import { ReportParser } from './report/report_parser';
import { registerStatsRoute, registerUiMetricReportRoute } from './routes';
import type { UsageCollectionSetup, UsageCollectionStart } from './types';
import {
  DailyCleanup,
  MAX_BUFFERED_COUNTERS,
  registerUsageCountersCollector,
  UI_METRIC_DAILY_SAVED_OBJECT_TYPE,
  USAGE_COUNTERS_SAVED_OBJECT_TYPE,
  usageCountersSavedObjectTypes,
  UsageCountersService,
} from './usage_counters';

/** What the plugin reads from core at start, besides the typed contracts (see CoreUsageDataStart). */
type CoreStartWithUsageData = CoreStart & { coreUsageData?: CoreUsageDataStart };

/**
 * The server half of usage_collection: the collector registry (setup contract), `/api/stats`,
 * `POST /api/ui_metric/report` (handing reports to core's counters port), and the default collectors upstream kept in
 * `opensearch_dashboards_usage_collection`.
 */
export class UsageCollectionPlugin implements Plugin<UsageCollectionSetup, UsageCollectionStart> {
  private readonly logger: Logger;
  private readonly config: UsageCollectionConfig;
  private readonly writer: ReportWriter;
  private readonly reportParser: ReportParser;
  private readonly ingestGuard: IngestGuard;
  private readonly usageCounters: UsageCountersService;
  private readonly dailyCleanup: DailyCleanup;
  /** The internal repository that may touch the hidden daily-counter types (never handed to other collectors). */
  private countersRepository?: ISavedObjectsRepository;
  private readonly subscriptions: Subscription[] = [];
  private collectorSet?: CollectorSet;
  private contract?: UsageCollectionSetup;
  private opsTracker?: OpsMetricsTracker;
  private rollups?: ApplicationUsageRollups;
  private internalClient?: SavedObjectsClientContract;
  private coreUsageData?: CoreUsageDataStart;

  constructor(private readonly initializerContext: PluginInitializerContext<UsageCollectionConfig>) {
    this.logger = initializerContext.logger.get();
    this.config = initializerContext.config.get();
    this.usageCounters = new UsageCountersService({
      logger: this.logger.get('usage_counters'),
      bufferDurationMs: this.config.usageCounters.bufferDurationMs,
      // Room for a day of UI-metric daily counts (at most one per admitted key) besides the code's counters.
      maxBufferedCounters: MAX_BUFFERED_COUNTERS + this.config.uiMetric.maxKeys,
    });
    this.writer = new ReportWriter({
      lingerMs: this.config.uiMetric.batchingIntervalInS * 1000,
      dailyCounts: this.usageCounters,
    });
    this.reportParser = new ReportParser(this.logger.get('ui_metric'));
    this.ingestGuard = new IngestGuard({
      logger: this.logger.get('ui_metric'),
      maxKeys: this.config.uiMetric.maxKeys,
      maxApps: this.config.applicationUsage.maxApps,
      maxReportsPerMinute: this.config.uiMetric.maxReportsPerMinute,
    });
    this.dailyCleanup = new DailyCleanup({
      logger: this.logger.get('usage_counters'),
      getRepository: () => this.countersRepository,
      types: [USAGE_COUNTERS_SAVED_OBJECT_TYPE, UI_METRIC_DAILY_SAVED_OBJECT_TYPE],
      historyDays: this.config.usageCounters.historyDays,
    });
  }

  public setup(core: CoreSetup): UsageCollectionSetup {
    const { config, logger } = this;
    const collectorSet = new CollectorSet({
      logger: logger.get('collector-set'),
      maximumWaitTimeForAllCollectorsInS: config.maximumWaitTimeForAllCollectorsInS,
      collectorFetchTimeoutInS: config.collectorFetchTimeoutInS,
      getDefaultSavedObjectsClient: () => this.internalClient,
      getIngestStats: () => this.ingestGuard.getStats(),
    });
    this.collectorSet = collectorSet;
    const contract: UsageCollectionSetup = {
      makeUsageCollector: collectorSet.makeUsageCollector,
      makeStatsCollector: collectorSet.makeStatsCollector,
      registerCollector: collectorSet.registerCollector,
      getCollectorByType: collectorSet.getCollectorByType,
      getCategory: collectorSet.getCategory,
      areAllCollectorsReady: collectorSet.areAllCollectorsReady,
      bulkFetch: collectorSet.bulkFetch,
      bulkFetchUsage: collectorSet.bulkFetchUsage,
      toObject: collectorSet.toObject,
      toApiFieldNames: collectorSet.toApiFieldNames,
      createUsageCounter: this.usageCounters.createUsageCounter,
    };
    this.contract = contract;

    core.savedObjects.registerType(uiMetricSavedObjectType);
    for (const type of applicationUsageSavedObjectTypes) core.savedObjects.registerType(type);
    for (const type of usageCountersSavedObjectTypes) core.savedObjects.registerType(type);
    // Core counts the use of its own APIs (saved objects, UI settings) as the `core` domain.
    core.coreUsageData?.registerUsageCounter(this.usageCounters.createUsageCounter('core'));

    const opsTracker = new OpsMetricsTracker(core.metrics.getOpsMetrics$(), core.metrics.collectionInterval);
    this.opsTracker = opsTracker;
    let overallStatus: ServiceStatus | undefined;
    this.subscriptions.push(core.status.overall$.subscribe((status) => (overallStatus = status)));

    const router = core.http.createRouter();
    const { env } = this.initializerContext;
    const index = this.initializerContext.config.legacy.get().opensearchDashboards.index;
    registerStatsRoute({
      router,
      collectorSet,
      logger: logger.get('stats'),
      getServerInfo: () => {
        const { name, hostname, port } = core.http.getServerInfo();
        return { uuid: env.instanceUuid, name, index, hostname, port, version: env.packageInfo.version, locale: 'en' };
      },
      getOpsMetrics: () => opsTracker.get(),
      getOverallStatus: () => overallStatus,
    });
    if (config.uiMetric.enabled) {
      void this.reportParser.start();
      registerUiMetricReportRoute({
        router,
        parser: this.reportParser,
        writer: this.writer,
        guard: this.ingestGuard,
        logger: logger.get('ui_metric'),
        debug: config.uiMetric.debug,
        identify: (request) => clientIdentity(request, core.http.auth),
      });
    }

    const getClient = () => this.internalClient;
    registerUiMetricUsageCollector(contract, getClient);
    // Report every app the ingest cap lets in (default 1,000, the collector's own budget).
    registerApplicationUsageCollector(contract, getClient, undefined, { maxApps: config.applicationUsage.maxApps });
    this.subscriptions.push(registerOpsStatsCollector(contract, core.metrics.getOpsMetrics$()));
    registerOpenSearchDashboardsUsageCollector(contract, index, getClient);
    registerCoreUsageCollector(contract, () => this.coreUsageData);
    registerCspCollector(contract, () => core.http.csp);
    registerStaticTelemetryCollector(contract, () => this.initializerContext.env.configs, logger.get('static_telemetry'));
    registerUsageCountersCollector(contract, { getRepository: () => this.countersRepository, retainDays: config.usageCounters.retainDays });
    return contract;
  }

  public start(core: CoreStartWithUsageData): UsageCollectionStart {
    if (!this.contract) throw new Error('usageCollection: start() called before setup()');
    const repository: ISavedObjectsRepository = core.savedObjects.createInternalRepository();
    this.internalClient = new SavedObjectsClient(repository);
    const countersRepository = core.savedObjects.createInternalRepository([USAGE_COUNTERS_SAVED_OBJECT_TYPE, UI_METRIC_DAILY_SAVED_OBJECT_TYPE]);
    this.countersRepository = countersRepository;
    this.writer.start(core.savedObjects.counters);
    this.usageCounters.start(core.savedObjects.counters);
    this.dailyCleanup.start();
    if (this.config.uiMetric.enabled) this.ingestGuard.start(repository);
    this.coreUsageData = core.coreUsageData;
    // At start: its schema is built from the settings every plugin registered during setup.
    registerManagementUsageCollector(this.contract, core.uiSettings, () => this.internalClient);
    this.rollups = new ApplicationUsageRollups({ logger: this.logger.get('application_usage'), getRepository: () => repository });
    this.rollups.start();
  }

  public async stop() {
    await this.rollups?.stop();
    await this.writer.stop();
    // After the writer: its last commits' daily counts are in the buffer this flush stores.
    await this.usageCounters.stop();
    await this.dailyCleanup.stop();
    this.ingestGuard.stop();
    await this.reportParser.stop();
    this.opsTracker?.stop();
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }
}

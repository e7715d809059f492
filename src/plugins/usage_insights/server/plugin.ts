import type { CoreSetup, CoreStart, Logger, Plugin, PluginInitializerContext } from '../../../core/server';
import { SavedObjectsClient } from '../../../core/server';
import { UI_METRIC_DAILY_SAVED_OBJECT_TYPE, type UsageCollectionSetup } from '../../usage_collection/server';
import { CollectorHealth } from './lib/collector_health';
import { REPORT_TYPE, USAGE_COUNTERS_TYPE } from './lib/insights_data';
import { registerRoutes, type InsightsServices } from './routes';

export interface UsageInsightsSetupDeps {
  usageCollection: UsageCollectionSetup;
}

/**
 * The server half of Usage insights: read-only routes over what usage collection and the telemetry ledger
 * stored, and the capabilities the page needs. No contracts.
 */
export class UsageInsightsServerPlugin implements Plugin<void, void, UsageInsightsSetupDeps, object> {
  private readonly logger: Logger;
  private services?: InsightsServices;
  private usageCollection?: UsageCollectionSetup;

  constructor(context: PluginInitializerContext) {
    this.logger = context.logger.get();
  }

  public setup(core: CoreSetup, { usageCollection }: UsageInsightsSetupDeps) {
    this.usageCollection = usageCollection;
    // On for everyone here; the security plugin's switcher turns both off for callers without usage_insights:read.
    core.capabilities.registerProvider(() => ({
      usageInsights: { show: true },
      management: { opensearchDashboards: { usage_insights: true } },
    }));
    registerRoutes({ router: core.http.createRouter(), getServices: () => this.services });
  }

  public start(core: CoreStart) {
    const registry = core.savedObjects.getTypeRegistry();
    const registeredTypes = registry.getAllTypes().map((t) => t.name);
    // Hidden types read here, where registered (usage_collection registers its daily types hidden).
    const wanted = [USAGE_COUNTERS_TYPE, UI_METRIC_DAILY_SAVED_OBJECT_TYPE];
    const hidden = wanted.filter((type) => registeredTypes.includes(type) && registry.isHidden(type));
    const repository = core.savedObjects.createInternalRepository(hidden);
    // The ledger belongs to the telemetry plugin; without it (disabled, absent) the timeline says so.
    const ledger = registeredTypes.includes(REPORT_TYPE) ? core.savedObjects.createInternalRepository([REPORT_TYPE]) : undefined;
    const collection = this.usageCollection!;
    const client = new SavedObjectsClient(repository);
    const health = new CollectorHealth(() => collection.bulkFetch(undefined, undefined, { savedObjectsClient: client }));
    this.services = { data: { repository, registeredTypes, now: Date.now }, ledger, health };
    this.logger.debug(`usage insights: ledger ${ledger ? 'found' : 'absent'}; daily UI metrics ${registeredTypes.includes(UI_METRIC_DAILY_SAVED_OBJECT_TYPE) ? 'found' : 'absent'}`);
  }

  public stop() {
    this.services = undefined;
  }
}

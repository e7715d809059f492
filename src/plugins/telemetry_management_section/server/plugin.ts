import type { CoreSetup, Plugin } from '../../../core/server';
import type { TelemetryCollectionManagerPluginStart } from '../../telemetry_collection_manager/server';
import { registerExampleReportRoute } from './routes/example_report';

export interface TelemetryManagementSectionServerStartDeps {
  /** Optional so that a disabled telemetry leaves this plugin idle (the route then answers 503). */
  telemetryCollectionManager?: TelemetryCollectionManagerPluginStart;
}

/** Serves the example report as a download; the section itself is the browser half. No contracts. */
export class TelemetryManagementSectionServerPlugin implements Plugin<void, void, object, TelemetryManagementSectionServerStartDeps> {
  private collectionManager?: TelemetryCollectionManagerPluginStart;

  public setup(core: CoreSetup) {
    registerExampleReportRoute({ router: core.http.createRouter(), getStats: () => this.collectionManager?.getStats.bind(this.collectionManager) });
  }

  public start(_core: unknown, { telemetryCollectionManager }: TelemetryManagementSectionServerStartDeps) {
    this.collectionManager = telemetryCollectionManager;
  }
}

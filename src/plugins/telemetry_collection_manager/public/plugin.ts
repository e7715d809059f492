import type { CoreSetup, Plugin } from '../../../core/public';
import { createStatsClient } from './stats_client';
import type { TelemetryCollectionManagerPublicSetup, TelemetryCollectionManagerPublicStart } from './types';

/** The browser half: a typed client of the stats APIs for the other public halves (telemetry, the management section). */
export class TelemetryCollectionManagerPublicPlugin
  implements Plugin<TelemetryCollectionManagerPublicSetup, TelemetryCollectionManagerPublicStart>
{
  private contract?: TelemetryCollectionManagerPublicSetup;

  public setup(core: CoreSetup): TelemetryCollectionManagerPublicSetup {
    this.contract = { statsClient: createStatsClient(core.http) };
    return this.contract;
  }

  public start(): TelemetryCollectionManagerPublicStart {
    if (!this.contract) throw new Error('telemetryCollectionManager: start() was called before setup().');
    return this.contract;
  }
}

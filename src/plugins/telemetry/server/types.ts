import type { Observable } from 'rxjs';
import type { UsageCollectionSetup } from '../../usage_collection/server';
import type {
  TelemetryCollectionManagerPluginSetup,
  TelemetryCollectionManagerPluginStart,
} from '../../telemetry_collection_manager/server';

/** The setup contract of `telemetry` (server). */
export interface TelemetryPluginSetup {
  /** `telemetry.url` (where reports go), as a `URL`. Read it each time: it is configuration. */
  getTelemetryUrl(): Promise<URL>;
}

/** The start contract of `telemetry` (server). */
export interface TelemetryPluginStart {
  /**
   * `true` only when the deployment is opted in. `false` when it opted out, when nobody decided yet (also
   * after a minor or major upgrade following an opt-out), when the environment forces an opt-out, and when
   * the state cannot be read.
   */
  getIsOptedIn(): Promise<boolean>;
  /** The same as an observable: the current value first, then each change (a change made on another server within seconds). */
  isOptedIn$: Observable<boolean>;
}

export interface TelemetryPluginsDepsSetup {
  usageCollection: UsageCollectionSetup;
  telemetryCollectionManager: TelemetryCollectionManagerPluginSetup;
}

export interface TelemetryPluginsDepsStart {
  telemetryCollectionManager: TelemetryCollectionManagerPluginStart;
}

import type { CapabilitiesSetup, CapabilitiesStart } from './capabilities';
import { CoreUsageDataSetup, CoreUsageDataStart } from './core_usage_data';
import { HttpServiceSetup, HttpServiceStart } from './http';
import { MetricsServiceSetup, MetricsServiceStart } from './metrics';
import type { OpenSearchServiceSetup, OpenSearchServiceStart } from './opensearch';
import type { SavedObjectsServiceSetup, SavedObjectsServiceStart } from './saved_objects';
import { StatusServiceSetup } from './status';
import { UiSettingsServiceSetup, UiSettingsServiceStart } from './ui_settings';

/** What each plugin's `setup(core, deps)` receives as `core`. */
export interface CoreSetup<TPluginsStart extends object = object, TStart = unknown> {
  http: HttpServiceSetup;
  savedObjects: Pick<SavedObjectsServiceSetup, 'registerType'>;
  uiSettings: UiSettingsServiceSetup;
  status: StatusServiceSetup;
  metrics: MetricsServiceSetup;
  /** What the browser may offer (providers), and per-caller switches (a security plugin). */
  capabilities: CapabilitiesSetup;
  /** Whether a cluster is configured (`opensearch.hosts`), and its status. */
  opensearch: OpenSearchServiceSetup;
  /** Where usage_collection hands core the counter that core's own routes count their calls with. */
  coreUsageData: CoreUsageDataSetup;
  /** Resolves once this plugin has started: core's start contracts, its dependencies' and its own. */
  getStartServices(): Promise<[CoreStart, TPluginsStart, TStart]>;
}

/** What each plugin's `start(core, deps)` receives as `core`. */
export interface CoreStart {
  http: HttpServiceStart;
  savedObjects: SavedObjectsServiceStart;
  uiSettings: UiSettingsServiceStart;
  metrics: MetricsServiceStart;
  capabilities: CapabilitiesStart;
  /** How this server is configured and how big its store is, for the `core` usage collector. */
  coreUsageData: CoreUsageDataStart;
  /** The cluster client; present only when `opensearch.hosts` is configured (else the embedded store is used). */
  opensearch?: OpenSearchServiceStart;
}

import type { TelemetryCollectionManagerPluginSetup } from '../../../telemetry_collection_manager/server';
import { createClusterDetailsGetter, createLocalStatsGetter, type LocalStatsDeps } from './get_local_stats';

/** Registers the `local` collection (priority 0): this deployment's report, built on this server. */
export function registerCollection(telemetryCollectionManager: Pick<TelemetryCollectionManagerPluginSetup, 'setCollection'>, deps: LocalStatsDeps) {
  telemetryCollectionManager.setCollection({
    title: 'local',
    priority: 0,
    statsGetter: createLocalStatsGetter(deps),
    clusterDetailsGetter: createClusterDetailsGetter(deps),
  });
}

import type { ReportLevel, TelemetryCollectionManagerPluginSetup } from '../../../telemetry_collection_manager/server';
import { createClusterDetailsGetter, createLocalStatsGetter, type LocalStatsDeps } from './get_local_stats';

/**
 * Registers the `local` collection (priority 0): this deployment's report, built on this server, at the
 * level `resolveLevel` gives when the caller names none (the consent decision's, see `reportLevelFor`).
 */
export function registerCollection(
  telemetryCollectionManager: Pick<TelemetryCollectionManagerPluginSetup, 'setCollection'>,
  deps: LocalStatsDeps & { resolveLevel: (config: { unencrypted: boolean }) => Promise<ReportLevel> }
) {
  telemetryCollectionManager.setCollection({
    title: 'local',
    priority: 0,
    resolveLevel: deps.resolveLevel,
    statsGetter: createLocalStatsGetter(deps),
    clusterDetailsGetter: createClusterDetailsGetter(deps),
  });
}

/*
 * The server half of telemetryCollectionManager, as other plugins import it: `plugin`, `config` and types.
 */
import type { PluginInitializerContext } from '../../../core/server';
import type { TelemetryCollectionManagerConfig } from './config';
import { TelemetryCollectionManagerPlugin } from './plugin';

export { config } from './config';
export type { TelemetryCollectionManagerConfig } from './config';
export type * from './types';
export { TelemetryCollectionError } from './stats_service';
export { parsePublicJwk } from './encryption/encrypt';

export const plugin = (initializerContext: PluginInitializerContext<TelemetryCollectionManagerConfig>) =>
  new TelemetryCollectionManagerPlugin(initializerContext);

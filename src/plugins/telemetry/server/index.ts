/*
 * The server half of telemetry, as other plugins import it: `plugin`, `config` and types.
 */
import type { PluginInitializerContext } from '../../../core/server';
import type { TelemetryConfigType } from './config';
import { TelemetryPlugin } from './plugin';

export { config } from './config';
export type { TelemetryConfigType } from './config';
export type { TelemetryPluginSetup, TelemetryPluginStart } from './types';
export type { TelemetryUsageStats } from './collectors';

export const plugin = (initializerContext: PluginInitializerContext<TelemetryConfigType>) => new TelemetryPlugin(initializerContext);

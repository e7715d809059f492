/*
 * The browser half of telemetry, as other public halves import it: `plugin` and types.
 */
import type { PluginInitializerContext } from '../../../core/public';
import { TelemetryPlugin } from './plugin';
import type { TelemetryPublicConfig } from './types';

export type { TelemetryPluginSetup, TelemetryPluginStart, TelemetryPublicConfig, TelemetryConstants } from './types';
export type { TelemetryService } from './services/telemetry_service';
export type { TelemetryNotifications } from './services/telemetry_notifications';
export type { TelemetryBrowserState } from '../common/telemetry_state';

export const plugin = (initializerContext: PluginInitializerContext<TelemetryPublicConfig>) => new TelemetryPlugin(initializerContext);

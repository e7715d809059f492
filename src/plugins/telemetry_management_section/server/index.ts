/*
 * The server half of telemetryManagementSection: `plugin` only (no config, no contracts).
 */
import { TelemetryManagementSectionServerPlugin } from './plugin';

export const plugin = () => new TelemetryManagementSectionServerPlugin();

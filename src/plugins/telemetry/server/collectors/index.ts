export { registerTelemetryPluginUsageCollector } from './telemetry_plugin_collector';
export type { TelemetryUsageStats } from './telemetry_plugin_collector';

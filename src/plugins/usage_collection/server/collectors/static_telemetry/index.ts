export { registerStaticTelemetryCollector } from './static_telemetry_collector';
export type { StaticTelemetryUsage } from './static_telemetry_collector';

export { MetricsService } from './metrics_service';
export { OpsMetricsCollector } from './ops_metrics_collector';
export type { OpsMetrics, MetricsServiceSetup, MetricsServiceStart } from './types';
export { opsConfig } from './ops_config';
export type { OpsConfigType } from './ops_config';

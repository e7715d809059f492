export { registerStatsRoute, STATS_NOT_READY_MESSAGE } from './stats';
export type { StatsRouteDeps, StatsServerInfo } from './stats';
export { registerUiMetricReportRoute } from './ui_metric_report';
export type { UiMetricReportRouteDeps } from './ui_metric_report';

/*
 * @osd/analytics: the browser's ui metric reporter (batches in memory and storage, sends to the server).
 */
export { METRIC_TYPE } from './metrics';
export type { Stats, UiStatsMetricType } from './metrics';
export { REPORT_VERSION, combineStats, mergeReports, toReport } from './report';
export type { ApplicationUsageReport, PendingReport, Report, UiStatsMetricReport, UserAgentMetricReport } from './report';
export { Reporter, DEFAULT_STORAGE_KEY } from './reporter';
export type { ReporterConfig, ReporterLogger } from './reporter';
export { createFetchHttp, ReportRejectedError, ReportSendError } from './http';
export type { FetchHttpOptions, ReportHTTP } from './http';
export { createMemoryStorage, createWebStorage } from './storage';
export type { ReportStorage, WebStorageLike } from './storage';

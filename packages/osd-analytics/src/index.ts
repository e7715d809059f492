/*
 * @osd/analytics: the browser's ui metric reporter (batches in memory and storage, sends to the server).
 */
export { METRIC_TYPE } from './metrics';
export type { Stats, UiStatsMetricType } from './metrics';
export { REPORT_VERSION, combineStats, countKeys, mergeReports, toReport } from './report';
export type { ApplicationUsageReport, PendingReport, Report, UiStatsMetricReport, UserAgentMetricReport } from './report';
export { Reporter } from './reporter';
export { DEFAULT_MAX_KEYS, DEFAULT_STORAGE_KEY } from './reporter_config';
export type { ReporterConfig, ReporterLogger } from './reporter_config';
export { createFetchHttp, ReportSendError } from './http';
export type { FetchHttpOptions, ReportHTTP } from './http';
export { decideRetry, isRefusedForGood, parseRetryAfter } from './retry_policy';
export type { FailedSend, RetryDecision, RetryRuleInput } from './retry_policy';
export { createMemoryStorage, createWebStorage } from './storage';
export type { ReportStorage, WebStorageLike } from './storage';

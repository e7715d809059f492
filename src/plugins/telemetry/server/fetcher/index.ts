export { createFetcherTask } from './fetcher_task';
export type { FetcherTask, FetcherTaskOptions, ManualSendResult } from './fetcher_task';
export type { DeliveryResult } from './report_delivery';
export { createOptInStatusSender } from './opt_in_status_sender';
export type { OptInStatusSender } from './opt_in_status_sender';
export { createTelemetryHttpClient, TelemetrySendError } from './http_client';
export type { TelemetryHttpClient, TelemetryPostRequest } from './http_client';
export { createConsentSender, createNullSender } from './consent_sender';
export type { ConsentSender, NullSender } from './consent_sender';

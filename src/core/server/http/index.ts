export { HttpService } from './http_service';
export { httpConfig, toHttpConfig } from './http_config';
export type { HttpConfig, HttpConfigType } from './http_config';
export type { RequestObservation } from './http_server';
export type * from './types';
export * from './router';

export { HttpService } from './http_service';
export { HttpFetchError } from './http_fetch_error';
export { BasePath } from './base_path';
export type * from './types';

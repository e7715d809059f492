export { createHttpResources, CORE_PAGE_HEADERS, PAGE_SECURITY_HEADERS } from './http_resources';
export type * from './types';

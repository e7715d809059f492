export { createHttpResources, corePageHeaders, pageSecurityHeaders } from './http_resources';
export type * from './types';

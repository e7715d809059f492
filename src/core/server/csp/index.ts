export { CspConfig } from './csp_config';
export type { ICspConfig } from './csp_config';
export { cspConfig, DEFAULT_CSP_RULES } from './config';
export type { CspConfigType } from './config';

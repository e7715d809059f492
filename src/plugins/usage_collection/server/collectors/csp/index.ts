export { registerCspCollector, getCspUsage } from './csp_collector';
export type { CspUsage } from './csp_collector';

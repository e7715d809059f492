export { HttpLifecycle, REQUEST_KEY } from './http_lifecycle';
export type { LifecycleOutcome } from './http_lifecycle';
export * from './types';

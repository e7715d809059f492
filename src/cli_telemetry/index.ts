export { main, runTelemetryCli } from './run';
export type { CliEnvironment } from './run';

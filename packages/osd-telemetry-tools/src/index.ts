/*
 * @osd/telemetry-tools: `telemetry_check` and `telemetry_extract`, which read every usage collector statically
 * (TypeScript compiler API) and keep its schema, its usage type, the stored schema file and the data dictionary
 * in agreement.
 */
export { runTelemetryCheck, runTelemetryCheckCli } from './cli/run_telemetry_check';
export type { RunOptions } from './cli/run_telemetry_check';
export { runTelemetryExtract, runTelemetryExtractCli } from './cli/run_telemetry_extract';
export type { Log } from './cli/reporter';
export { parseTelemetryRC } from './tools/config';
export type { TelemetryRC } from './tools/config';
export { getProgramPaths } from './tools/discover';
export { extractCollectors, loadCompilerOptions } from './tools/extract_collectors';
export type { ParsedCollector } from './tools/ts_parser';
export { COLLECTOR_CATEGORIES } from './tools/constants';
export type { CollectorCategory } from './tools/constants';
export { checkCompatibleTypes } from './tools/check_compatible_types';
export { generateMapping, diffMappings } from './tools/manage_schema';
export { generateDictionary } from './tools/data_dictionary';
export { TelemetryToolError } from './tools/errors';

export type { Logger, LoggerFactory, LogLevelId, LogMeta } from './types';
export { LoggingSystem } from './logging_system';
export type { LogSink } from './logging_system';
export { loggingConfig } from './logging_config';
export type { LoggingConfigType } from './logging_config';

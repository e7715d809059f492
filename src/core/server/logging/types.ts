/** Severity levels, lowest first. `off` silences a logger; `all` lets everything through. */
export type LogLevelId = 'all' | 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'off';

/** Extra structured data attached to one log line. */
export type LogMeta = Record<string, unknown>;

/** A context logger, as handed to services and plugins. One call writes one line. */
export interface Logger {
  trace(message: string, meta?: LogMeta): void;
  debug(message: string, meta?: LogMeta): void;
  info(message: string, meta?: LogMeta): void;
  warn(message: string | Error, meta?: LogMeta): void;
  error(message: string | Error, meta?: LogMeta): void;
  fatal(message: string | Error, meta?: LogMeta): void;
  /** A child logger whose context is this one's plus `childContext` (joined with dots). */
  get(...childContext: string[]): Logger;
}

/** Hands out context loggers; core gives each service and plugin its own. */
export interface LoggerFactory {
  get(...contextParts: string[]): Logger;
}

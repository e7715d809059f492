import { EOL } from 'os';
import { format } from 'util';
import { LoggingConfigType } from './logging_config';
import { LogLevelId, LogMeta, Logger, LoggerFactory } from './types';

const LEVEL_ORDER: Record<LogLevelId, number> = {
  all: 0,
  trace: 1,
  debug: 2,
  info: 3,
  warn: 4,
  error: 5,
  fatal: 6,
  off: 7,
};

/** Where finished lines go; stdout by default, a buffer in tests. */
export type LogSink = (line: string) => void;

const stdoutSink: LogSink = (line) => process.stdout.write(line + EOL);

interface LevelRule {
  context: string;
  level: LogLevelId;
}

/**
 * Owns every context logger. Loggers are created before the config is read (so start-up errors are logged)
 * and pick up the configured levels when `configure` is called; each logger reads the current rules on
 * every call, so a level change applies at once to loggers handed out earlier.
 */
export class LoggingSystem implements LoggerFactory {
  private rootLevel: LogLevelId = 'info';
  private rules: LevelRule[] = [];
  private json = false;
  private readonly loggers = new Map<string, Logger>();

  constructor(private readonly sink: LogSink = stdoutSink) {}

  public configure(config: LoggingConfigType) {
    let root = config.root.level as LogLevelId;
    if (config.silent) root = 'off';
    else if (config.quiet) root = 'error';
    else if (config.verbose) root = 'all';
    this.rootLevel = root;
    // Longest context first, so `plugins.telemetry` wins over `plugins`.
    this.rules = [...config.loggers]
      .map((l) => ({ context: l.context, level: l.level as LogLevelId }))
      .sort((a, b) => b.context.length - a.context.length);
    this.json = config.json;
  }

  public get(...contextParts: string[]): Logger {
    const context = contextParts.filter(Boolean).join('.') || 'root';
    let logger = this.loggers.get(context);
    if (!logger) {
      logger = this.createLogger(context);
      this.loggers.set(context, logger);
    }
    return logger;
  }

  private levelFor(context: string): LogLevelId {
    const rule = this.rules.find((r) => context === r.context || context.startsWith(r.context + '.'));
    return rule ? rule.level : this.rootLevel;
  }

  private write(context: string, level: LogLevelId, message: string | Error, meta?: LogMeta) {
    if (LEVEL_ORDER[level] < LEVEL_ORDER[this.levelFor(context)]) return;
    const text = message instanceof Error ? message.stack || message.message : message;
    const timestamp = new Date().toISOString();
    if (this.json) {
      this.sink(JSON.stringify({ '@timestamp': timestamp, level, context, message: text, ...meta }));
      return;
    }
    const metaText = meta && Object.keys(meta).length ? ' ' + format('%j', meta) : '';
    // One event, one line: multi-line messages (stacks) are folded so log shippers keep them together.
    const line = `[${timestamp}][${level.toUpperCase()}][${context}] ${text}${metaText}`;
    this.sink(line.replace(/\r?\n/g, '\\n'));
  }

  private createLogger(context: string): Logger {
    return {
      trace: (m, meta) => this.write(context, 'trace', m, meta),
      debug: (m, meta) => this.write(context, 'debug', m, meta),
      info: (m, meta) => this.write(context, 'info', m, meta),
      warn: (m, meta) => this.write(context, 'warn', m, meta),
      error: (m, meta) => this.write(context, 'error', m, meta),
      fatal: (m, meta) => this.write(context, 'fatal', m, meta),
      get: (...child) => this.get(context, ...child),
    };
  }
}

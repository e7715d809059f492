import { Logger } from './types';

/** A logger for tests that records `level message` lines (one per call) in `lines`. */
export function createRecordingLogger(lines: string[] = []): Logger {
  const logger: Logger = {
    trace: (m) => void lines.push(`trace ${m}`),
    debug: (m) => void lines.push(`debug ${m}`),
    info: (m) => void lines.push(`info ${m}`),
    warn: (m) => void lines.push(`warn ${m}`),
    error: (m) => void lines.push(`error ${m}`),
    fatal: (m) => void lines.push(`fatal ${m}`),
    get: () => logger,
  };
  return logger;
}

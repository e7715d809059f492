/* The kit's loggers: every call recorded by jest, readable as text. */
import type { Logger, LoggerFactory } from '../logging';
import { mockOf } from './mock_of';

/** A logger whose methods are jest mocks; `get()` returns the same logger, so child loggers are recorded too. */
function createLogger(): jest.Mocked<Logger> {
  const noop = () => undefined;
  const logger: jest.Mocked<Logger> = mockOf<Logger>({ trace: noop, debug: noop, info: noop, warn: noop, error: noop, fatal: noop, get: () => logger });
  return logger;
}

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
const text = (message: unknown) => (message instanceof Error ? message.message : String(message));

/** The first argument of every call, per level: `collect(logger).warn` lists the warnings as text. */
function collect(logger: jest.Mocked<Logger>): Record<(typeof LEVELS)[number], string[]> {
  const [trace, debug, info, warn, error, fatal] = LEVELS.map((level) => logger[level].mock.calls.map(([message]) => text(message)));
  return { trace, debug, info, warn, error, fatal };
}

/** Every call as `<level> <message>`, in the order they were made (all levels, child loggers included). */
function lines(logger: jest.Mocked<Logger>): string[] {
  const calls = LEVELS.flatMap((level) =>
    logger[level].mock.calls.map(([message], i) => ({
      order: logger[level].mock.invocationCallOrder[i],
      line: `${level} ${text(message)}`,
    }))
  );
  return calls.sort((a, b) => a.order - b.order).map((call) => call.line);
}

/** A logger factory whose `get()` always hands out `logger`. */
function createLoggerFactory(logger: jest.Mocked<Logger> = createLogger()): jest.Mocked<LoggerFactory> {
  return mockOf<LoggerFactory>({ get: () => logger });
}

export const loggingSystemMock = { createLogger, create: createLoggerFactory, collect, lines };

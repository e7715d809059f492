import { ERROR_BADGE } from '../tools/constants';
import { TelemetryToolError } from '../tools/errors';

/** Where the tools print: lines of progress, and errors. */
export interface Log {
  info(line: string): void;
  error(line: string): void;
}

/** The process's streams; the error badge is red on a terminal, as upstream's is. */
export function createConsoleLog(): Log {
  const color = process.stderr.isTTY;
  return {
    info: (line) => process.stdout.write(`${line}\n`),
    error: (line) =>
      process.stderr.write(`${line.replace(ERROR_BADGE, color ? `\x1b[37;41m${ERROR_BADGE}\x1b[0m` : ERROR_BADGE)}\n`),
  };
}

/** A failed step's report: what went wrong where, possibly several collectors at once. */
export class StepFailure extends Error {
  constructor(readonly errors: Array<{ context: string; message: string }>) {
    super(errors.map((e) => `${e.context}: ${e.message}`).join('\n'));
  }
}

/**
 * Runs titled steps in order and stops at the first failure, printing `✔ title` / `✖ title`. Returns the exit
 * code: 1 when a step failed (the errors are printed with upstream's badge), 0 otherwise.
 */
export function runSteps(log: Log, steps: Array<{ title: string; skip?: boolean; run: () => string | void }>): number {
  for (const step of steps) {
    if (step.skip) continue;
    try {
      const note = step.run();
      log.info(`✔ ${step.title}${note ? ` (${note})` : ''}`);
    } catch (error) {
      log.info(`✖ ${step.title}`);
      reportError(log, error);
      return 1;
    }
  }
  return 0;
}

/** Prints an error: known failures as messages, anything else as an unhandled exception with its stack. */
export function reportError(log: Log, error: unknown) {
  if (error instanceof StepFailure) {
    for (const { context, message } of error.errors) log.error(`${ERROR_BADGE} Error in ${context}\n${message}`);
  } else if (error instanceof TelemetryToolError) {
    log.error(`${ERROR_BADGE} ${error.message}`);
  } else {
    log.error(`${ERROR_BADGE} Unhandled exception!`);
    log.error(error instanceof Error ? error.stack ?? error.message : String(error));
  }
}

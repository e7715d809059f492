/**
 * A failure the tools report as a message, without a stack: a bad `.telemetryrc.json`, a collector that cannot
 * be read statically, a schema that does not match its type or the stored file. Anything else that escapes is a
 * bug of the tools and is printed as `Unhandled exception!` with its stack.
 */
export class TelemetryToolError extends Error {
  /** Wraps a failure met while reading one collector, naming its file and, once known, its type. */
  static inCollector(relativePath: string, collectorType: string | undefined, cause: unknown) {
    const what = collectorType ? ` (collector "${collectorType}")` : '';
    const reason = cause instanceof Error ? cause.message : String(cause);
    return new TelemetryToolError(`Error extracting collector in ${relativePath}${what}\n${reason}`);
  }

  constructor(message: string) {
    super(message);
    this.name = 'TelemetryToolError';
  }
}

/** A value the static evaluator cannot compute (a call to a library function, a conditional, a loop...). */
export class StaticValueError extends TelemetryToolError {
  constructor(message: string) {
    super(message);
    this.name = 'StaticValueError';
  }
}

/** An expression that should stand for an object literal (collector options, a spread) but does not. */
export class NotAnObjectError extends StaticValueError {
  constructor(message: string) {
    super(message);
    this.name = 'NotAnObjectError';
  }
}

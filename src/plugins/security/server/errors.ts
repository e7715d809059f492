/** Errors the security building blocks throw on purpose; routes map them to HTTP statuses. */

/** Bad input from a caller (400). The message names the field: `[password]: must be at least 8 characters`. */
export class SecurityValidationError extends Error {
  public readonly statusCode = 400;
  constructor(message: string) {
    super(message);
    this.name = 'SecurityValidationError';
  }
}

/** Throws the first message given, if any: validation functions return a message or undefined. */
export function throwIfInvalid(...messages: Array<string | undefined>): void {
  const message = messages.find((m) => m !== undefined);
  if (message !== undefined) throw new SecurityValidationError(message);
}

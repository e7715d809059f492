/**
 * Base class of every error thrown by `@osd/config-schema`.
 */
export class SchemaError extends Error {
  public cause?: Error;

  constructor(message: string, cause?: Error) {
    super(message);
    this.cause = cause;
    this.name = this.constructor.name;

    // Keep `instanceof` working when targeting ES5 or when transpilers mangle the prototype chain.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

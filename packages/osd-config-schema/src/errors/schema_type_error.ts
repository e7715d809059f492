import { SchemaError } from './schema_error';

/**
 * A validation failure of a single value, located by `path` (keys and array indices from the
 * root of the validated value).
 */
export class SchemaTypeError extends SchemaError {
  constructor(
    error: Error | string,
    public readonly path: Array<string | number>
  ) {
    super(typeof error === 'string' ? error : error.message);
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

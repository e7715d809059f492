import { SchemaTypeError } from './schema_type_error';

/**
 * A validation failure that aggregates several child failures, e.g. every branch of a `oneOf`.
 */
export class SchemaTypesError extends SchemaTypeError {
  constructor(
    error: Error | string,
    path: Array<string | number>,
    public readonly errors: SchemaTypeError[]
  ) {
    super(error, path);
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

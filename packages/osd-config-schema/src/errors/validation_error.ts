import { SchemaError } from './schema_error';
import { SchemaTypeError } from './schema_type_error';
import { SchemaTypesError } from './schema_types_error';

function formatMessage(error: SchemaTypeError, namespace: string | undefined, level: number): string {
  const path = typeof namespace === 'string' ? [namespace, ...error.path] : error.path;

  let message = error.message;
  if (error instanceof SchemaTypesError) {
    const indent = ' '.repeat(level);
    const children = error.errors.map(
      (child) => `${indent}- ${formatMessage(child, namespace, level + 1)}`
    );
    message = [message, ...children].join('\n');
  }

  return path.length === 0 ? message : `[${path.join('.')}]: ${message}`;
}

/**
 * The error thrown by `Type#validate`. Its message is the failure message prefixed with the
 * bracketed key path (and the namespace, when one is given), e.g.
 * `[server.port]: Value must be equal to or lower than [65535].`
 */
export class ValidationError extends SchemaError {
  constructor(error: SchemaTypeError, namespace?: string) {
    super(formatMessage(error, namespace, 0), error);
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

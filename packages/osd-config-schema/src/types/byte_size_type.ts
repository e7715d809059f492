import { ByteSizeValue, ensureByteSizeValue } from '../byte_size_value';
import { SchemaTypeError } from '../errors';
import { internals } from '../internals';
import { typeDetect } from '../utils/type_detect';
import { Type } from './type';

type ByteSizeInput = ByteSizeValue | string | number;

export interface ByteSizeOptions {
  validate?: (value: ByteSizeValue) => string | void;
  /** A `ByteSizeValue`, a number of bytes or a string like `'1kb'`. */
  defaultValue?: ByteSizeInput;
  min?: ByteSizeInput;
  max?: ByteSizeInput;
}

/**
 * A size in bytes: a number of bytes (`1024`, `'1024'`) or `<count>[b|kb|mb|gb]` (`'512kb'`),
 * validated as a `ByteSizeValue`.
 */
export class ByteSizeType extends Type<ByteSizeValue> {
  constructor(options: ByteSizeOptions = {}) {
    let schema = internals.bytes();
    if (options.min !== undefined) {
      schema = schema.min(options.min);
    }
    if (options.max !== undefined) {
      schema = schema.max(options.max);
    }

    super(schema, {
      // Default values are not converted by the validation, so convert them upfront.
      defaultValue: ensureByteSizeValue(options.defaultValue),
      validate: options.validate,
    });
  }

  protected handleError(
    type: string,
    { limit, message, value }: Record<string, any>,
    path: Array<string | number>
  ) {
    switch (type) {
      case 'any.required':
      case 'bytes.base':
        return `expected value of type [ByteSize] but got [${typeDetect(value)}]`;
      case 'bytes.parse':
        return new SchemaTypeError(message, path);
      case 'bytes.min':
        return `Value must be equal to or greater than [${limit.toString()}]`;
      case 'bytes.max':
        return `Value must be equal to or less than [${limit.toString()}]`;
    }
  }
}

import { internals } from '../internals';
import { typeDetect } from '../utils/type_detect';
import { Type, TypeOptions } from './type';

export type NumberOptions = TypeOptions<number> & {
  min?: number;
  max?: number;
};

/**
 * Numbers; numeric strings (`'5601'`, `'4.2'`) are converted. `NaN` and infinities are rejected.
 */
export class NumberType extends Type<number> {
  constructor(options: NumberOptions = {}) {
    // `unsafe()`: large integers are accepted as they are, without a precision check.
    let schema = internals.number().unsafe();
    if (options.min !== undefined) {
      schema = schema.min(options.min);
    }
    if (options.max !== undefined) {
      schema = schema.max(options.max);
    }
    super(schema, options);
  }

  protected handleError(type: string, { limit, value }: Record<string, any>) {
    switch (type) {
      case 'any.required':
      case 'number.base':
        return `expected value of type [number] but got [${typeDetect(value)}]`;
      case 'number.min':
        return `Value must be equal to or greater than [${limit}].`;
      case 'number.max':
        return `Value must be equal to or lower than [${limit}].`;
    }
  }
}

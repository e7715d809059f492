import { internals } from '../internals';
import { typeDetect } from '../utils/type_detect';
import { Type, TypeOptions } from './type';

/**
 * `true`/`false`; the strings `'true'`/`'false'` (any case) are converted.
 */
export class BooleanType extends Type<boolean> {
  constructor(options?: TypeOptions<boolean>) {
    super(internals.boolean(), options);
  }

  protected handleError(type: string, { value }: Record<string, any>) {
    if (type === 'any.required' || type === 'boolean.base') {
      return `expected value of type [boolean] but got [${typeDetect(value)}]`;
    }
  }
}

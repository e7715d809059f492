import { internals } from '../internals';
import { typeDetect } from '../utils/type_detect';
import { Type, TypeOptions } from './type';

/**
 * A `Buffer`; strings are converted.
 */
export class BufferType extends Type<Buffer> {
  constructor(options?: TypeOptions<Buffer>) {
    super(internals.binary(), options);
  }

  protected handleError(type: string, { value }: Record<string, any>) {
    switch (type) {
      case 'any.required':
      case 'binary.base':
        return `expected value of type [Buffer] but got [${typeDetect(value)}]`;
    }
  }
}

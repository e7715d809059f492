import { Stream } from 'stream';
import { internals } from '../internals';
import { typeDetect } from '../utils/type_detect';
import { Type, TypeOptions } from './type';

/**
 * A Node.js `Stream`.
 */
export class StreamType extends Type<Stream> {
  constructor(options?: TypeOptions<Stream>) {
    super(internals.stream(), options);
  }

  protected handleError(type: string, { value }: Record<string, any>) {
    switch (type) {
      case 'any.required':
      case 'stream.base':
        return `expected value of type [Stream] but got [${typeDetect(value)}]`;
    }
  }
}

import { internals } from '../internals';
import { Type } from './type';

/**
 * Exactly the given value (compared with `===`).
 */
export class LiteralType<T> extends Type<T> {
  constructor(private readonly expectedValue: T) {
    super(internals.any().valid(expectedValue));
  }

  protected handleError(type: string) {
    switch (type) {
      case 'any.required':
      case 'any.only':
        return `expected value to equal [${this.expectedValue}]`;
    }
  }
}

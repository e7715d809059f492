import { internals } from '../internals';
import { Type } from './type';

/**
 * No value may be present (`undefined` only).
 */
export class NeverType extends Type<never> {
  constructor() {
    super(internals.any().forbidden());
  }

  protected handleError(type: string) {
    if (type === 'any.unknown') {
      return `a value wasn't expected to be present`;
    }
  }
}

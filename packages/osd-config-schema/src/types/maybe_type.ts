import { Type } from './type';

/**
 * Makes a type optional: `undefined` is accepted and returned as is, even when the wrapped type
 * has a default value.
 */
export class MaybeType<V> extends Type<V | undefined> {
  constructor(type: Type<V>) {
    super(
      type
        .getSchema()
        .optional()
        .default(() => undefined)
    );
  }
}

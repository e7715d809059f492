import { internals } from '../internals';
import { typeDetect } from '../utils/type_detect';
import { Type, TypeOptions } from './type';

/**
 * The value must match one of `types` (tried in order, the first match wins). When none
 * matches, the error lists every failure:
 * `[key]: types that failed validation:\n- [key.0]: ...\n- [key.1]: ...`
 */
export class UnionType<RTS extends Array<Type<any>>, T> extends Type<T> {
  constructor(types: RTS, options?: TypeOptions<T>) {
    super(internals.union().members(types.map((type) => type.getSchema())), options);
  }

  protected handleError(type: string, { value }: Record<string, any>) {
    if (type === 'any.required') {
      return `expected at least one defined value but got [${typeDetect(value)}]`;
    }
  }
}

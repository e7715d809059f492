import { internals } from '../internals';
import { typeDetect } from '../utils/type_detect';
import { Type, TypeOptions } from './type';

export type RecordOfOptions<K extends string, V> = TypeOptions<Record<K, V>>;

/**
 * A plain object (or its JSON string) with typed keys and values.
 * A failing key is reported at the path `key("<key>")`, a failing value at the key itself.
 */
export class RecordOfType<K extends string, V> extends Type<Record<K, V>> {
  constructor(keyType: Type<K>, valueType: Type<V>, options: RecordOfOptions<K, V> = {}) {
    super(internals.record().entries(keyType.getSchema(), valueType.getSchema()), options);
  }

  protected handleError(type: string, { value }: Record<string, any>) {
    switch (type) {
      case 'any.required':
      case 'record.base':
        return `expected value of type [object] but got [${typeDetect(value)}]`;
      case 'record.parse':
        return `could not parse record value from json input`;
    }
  }
}

import { internals } from '../internals';
import { typeDetect } from '../utils/type_detect';
import { Type, TypeOptions } from './type';

export type MapOfOptions<K, V> = TypeOptions<Map<K, V>>;

/**
 * A `Map` with typed keys and values; a plain object (or its JSON string) is converted.
 * A failing key is reported at the path `key("<key>")`, a failing value at the key itself.
 */
export class MapOfType<K, V> extends Type<Map<K, V>> {
  constructor(keyType: Type<K>, valueType: Type<V>, options: MapOfOptions<K, V> = {}) {
    const { defaultValue } = options;
    super(internals.map().entries(keyType.getSchema(), valueType.getSchema()), {
      ...options,
      // Hand out a copy of a `Map` default rather than relying on joi cloning it.
      defaultValue: defaultValue instanceof Map ? () => new Map(defaultValue) : defaultValue,
    });
  }

  protected handleError(type: string, { value }: Record<string, any>) {
    switch (type) {
      case 'any.required':
      case 'map.base':
        return `expected value of type [Map] or [object] but got [${typeDetect(value)}]`;
      case 'map.parse':
        return `could not parse map value from json input`;
    }
  }
}

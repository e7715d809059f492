import { internals } from '../internals';
import { typeDetect } from '../utils/type_detect';
import { Type, TypeOptions } from './type';

export type URIOptions = TypeOptions<string> & {
  scheme?: string | string[];
};

/**
 * A URI as per RFC 3986, optionally restricted to the given scheme(s).
 */
export class URIType extends Type<string> {
  constructor(options: URIOptions = {}) {
    const schema =
      options.scheme === undefined
        ? internals.string().uri()
        : internals.string().uri({ scheme: options.scheme });
    super(schema, options);
  }

  protected handleError(type: string, { value, scheme }: Record<string, any>) {
    switch (type) {
      case 'any.required':
      case 'string.base':
        return `expected value of type [string] but got [${typeDetect(value)}].`;
      case 'string.uriCustomScheme':
        return `expected URI with scheme [${scheme}].`;
      case 'string.uri':
        return `value must be a valid URI (see RFC 3986).`;
    }
  }
}

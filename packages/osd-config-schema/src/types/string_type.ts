import { AnySchema, internals, withCustomValidator } from '../internals';
import { typeDetect } from '../utils/type_detect';
import { Type, TypeOptions } from './type';

export type StringOptions = TypeOptions<string> & {
  minLength?: number;
  maxLength?: number;
  hostname?: boolean;
};

/**
 * Strings only (no conversion from other types). The empty string is accepted unless
 * `minLength` or `hostname` rule it out.
 */
export class StringType extends Type<string> {
  constructor(options: StringOptions = {}) {
    // joi's `string()` rejects empty strings, and `allow('')` would skip every other rule for
    // them, so the type check is done by hand unless a hostname is expected (never empty).
    let schema: AnySchema =
      options.hostname === true
        ? internals.string().hostname()
        : withCustomValidator(internals.any(), (value: unknown) => {
            if (typeof value !== 'string') {
              return `expected value of type [string] but got [${typeDetect(value)}]`;
            }
          });

    const { minLength, maxLength } = options;
    if (minLength !== undefined) {
      schema = withCustomValidator(schema, (value: string) => {
        if (value.length < minLength) {
          return `value has length [${value.length}] but it must have a minimum length of [${minLength}].`;
        }
      });
    }

    if (maxLength !== undefined) {
      schema = withCustomValidator(schema, (value: string) => {
        if (value.length > maxLength) {
          return `value has length [${value.length}] but it must have a maximum length of [${maxLength}].`;
        }
      });
    }

    super(schema, options);
  }

  protected handleError(type: string, { value }: Record<string, any>) {
    switch (type) {
      case 'any.required':
        return `expected value of type [string] but got [${typeDetect(value)}]`;
      case 'string.hostname':
        return `value must be a valid hostname (see RFC 1123).`;
    }
  }
}

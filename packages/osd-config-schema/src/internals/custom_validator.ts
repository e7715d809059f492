import type { AnySchema } from 'joi';

/**
 * Thrown from inside a joi `custom` rule to carry the message returned by a user-provided
 * `validate` function. `Type` turns it back into a `SchemaTypeError` with the message as is.
 */
export class CustomValidationFailure extends Error {
  constructor(message: string) {
    super(message);
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

export type CustomValidator<T> = (value: T) => string | void;

/**
 * Adds a rule running `validator` on the (already coerced) value. The validator fails the
 * validation by returning a message string, or by throwing (the error's message is used).
 */
export function withCustomValidator<S extends AnySchema>(schema: S, validator: CustomValidator<any>): S {
  return schema.custom((value: unknown) => {
    let result: unknown;
    try {
      result = validator(value);
    } catch (e: any) {
      result = (e && e.message) || e;
    }

    if (typeof result === 'string') {
      throw new CustomValidationFailure(result);
    }

    return value;
  }) as S;
}

import Joi from 'joi';

/**
 * A reference to another value, resolved at validation time: either a sibling key of the
 * enclosing object (`schema.siblingRef`) or a key of the validation context (`schema.contextRef`).
 */
export class Reference<T> {
  public static isReference(value: unknown): value is Reference<unknown> {
    return (
      value !== null &&
      typeof value === 'object' &&
      typeof (value as any).getSchema === 'function' &&
      Joi.isRef((value as any).getSchema())
    );
  }

  // Never set: ties the type parameter to the class so `Reference<string>` and
  // `Reference<number>` are not interchangeable.
  declare readonly __referencedType?: T;

  private readonly internalSchema: Joi.Reference;

  constructor(key: string) {
    this.internalSchema = Joi.ref(key);
  }

  /**
   * @internal
   */
  public getSchema(): Joi.Reference {
    return this.internalSchema;
  }
}

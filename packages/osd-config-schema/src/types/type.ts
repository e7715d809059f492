import { SchemaTypeError, ValidationError } from '../errors';
import { AnySchema, CustomValidationFailure, withCustomValidator } from '../internals';
import { Reference } from '../references';

export interface TypeOptions<T> {
  /**
   * Used when the value is `undefined`: a value, a function returning the value, or a
   * reference (`schema.siblingRef` / `schema.contextRef`).
   */
  defaultValue?: T | Reference<T> | (() => T);
  /**
   * Extra validation run on the (already converted) value. Return a message, or throw, to fail.
   */
  validate?: (value: T) => string | void;
}

/**
 * Base class of every schema type. `V` is the type of the validated value; use `TypeOf<typeof s>`
 * to get it.
 */
export abstract class Type<V> {
  // Only there for `TypeOf`: the property is always `null` at runtime, but carries the type `V`.
  public readonly type: V = null! as V;

  // Used by the `isConfigSchema` type guard.
  public readonly __isOsdConfigSchemaType = true;

  /**
   * Internal joi schema backing this type.
   */
  protected readonly internalSchema: AnySchema;

  protected constructor(schema: AnySchema, options: TypeOptions<V> = {}) {
    if (options.defaultValue !== undefined) {
      const defaultValue = options.defaultValue;
      schema = schema
        .optional()
        .default(
          (Reference.isReference(defaultValue) ? defaultValue.getSchema() : defaultValue) as any
        );
    }

    if (options.validate) {
      schema = withCustomValidator(schema, options.validate);
    }

    // Only the last error handler counts, and a wrapped schema (e.g. `maybe(x)`) already has the
    // handler of the type it wraps, which knows best how to describe its failures.
    if ((schema as any)._flags.error === undefined) {
      schema = schema.error(((errors: any[]) => this.onError(errors)) as any);
    }

    this.internalSchema = schema;
  }

  /**
   * Validates `value` (converting it where the type allows, e.g. `'5601'` for a number) and
   * returns the result, or throws a `ValidationError`.
   *
   * @param context values that `schema.contextRef` references resolve against
   * @param namespace prefixed to the key path of error messages, e.g. `telemetry`
   */
  public validate(value: any, context: Record<string, any> = {}, namespace?: string): V {
    const { value: validatedValue, error } = this.internalSchema.validate(value, {
      context,
      presence: 'required',
      errors: { label: 'key' },
    });

    if (error) {
      const typeError =
        error instanceof SchemaTypeError ? error : new SchemaTypeError(error.message, []);
      throw new ValidationError(typeError, namespace);
    }

    return validatedValue;
  }

  /**
   * @internal
   */
  public getSchema(): AnySchema {
    return this.internalSchema;
  }

  /**
   * Returns the message (or error) describing a failure of this type, or nothing to use the
   * generic message.
   */
  protected handleError(
    type: string,
    context: Record<string, any>,
    path: Array<string | number>
  ): string | SchemaTypeError | void {
    return undefined;
  }

  private onError(errors: any[]): SchemaTypeError {
    const [report] = errors;
    // Failures of nested types are already converted; keep them as they are.
    if (report instanceof SchemaTypeError) {
      return report;
    }

    const code: string = report.code ?? '';
    const context: Record<string, any> = report.local ?? {};
    const path: Array<string | number> = report.path ?? [];

    const handled = this.handleError(code, context, path);
    if (handled instanceof SchemaTypeError) {
      return handled;
    }
    if (typeof handled === 'string') {
      return new SchemaTypeError(handled, path);
    }

    if (code === 'any.custom' && context.error instanceof CustomValidationFailure) {
      return new SchemaTypeError(context.error.message, path);
    }

    return new SchemaTypeError(report instanceof Error ? report.message : String(report), path);
  }
}

import { AnySchema, IGNORE_UNKNOWNS_FLAG, internals } from '../internals';
import { typeDetect } from '../utils/type_detect';
import { Type, TypeOptions } from './type';

export type Props = Record<string, Type<any>>;

export type NullableProps = Record<string, Type<any> | undefined | null>;

/**
 * The type of the values validated by a schema: `TypeOf<typeof mySchema>`.
 */
export type TypeOf<RT extends Type<any>> = RT['type'];

type OptionalKeys<P extends Props> = {
  [K in keyof P]: undefined extends TypeOf<P[K]> ? K : never;
}[keyof P];

type RequiredKeys<P extends Props> = Exclude<keyof P, OptionalKeys<P>>;

/**
 * Keys whose type accepts `undefined` (e.g. `schema.maybe(...)`) are optional, the others required.
 */
export type ObjectResultType<P extends Props> = Readonly<
  { [K in OptionalKeys<P>]?: TypeOf<P[K]> } & { [K in RequiredKeys<P>]: TypeOf<P[K]> }
>;

type DefinedKeys<NP extends NullableProps> = {
  [K in keyof NP]: NP[K] extends Type<any> ? K : never;
}[keyof NP];

type ExtendedProps<P extends Props, NP extends NullableProps> = Omit<P, keyof NP> &
  { [K in DefinedKeys<NP>]: Extract<NP[K], Type<any>> };

type ExtendedObjectType<P extends Props, NP extends NullableProps> = ObjectType<
  ExtendedProps<P, NP>
>;

export interface UnknownOptions {
  /**
   * What to do with keys that are not declared in the props:
   * - `forbid` (default): fail the validation (`definition for this key is missing`);
   * - `allow`: keep them as they are;
   * - `ignore`: drop them from the result.
   *
   * Only applies to this object, not to the objects nested in it.
   */
  unknowns?: 'allow' | 'ignore' | 'forbid';
}

export type ObjectTypeOptions<P extends Props = any> = TypeOptions<ObjectResultType<P>> &
  UnknownOptions;

/**
 * A plain object with the given props; a JSON string of an object is parsed. When the value is
 * `undefined`, the object is built from the defaults of its props.
 */
export class ObjectType<P extends Props = any> extends Type<ObjectResultType<P>> {
  private readonly props: P;
  private readonly options: ObjectTypeOptions<P>;

  constructor(props: P, options: ObjectTypeOptions<P> = {}) {
    const { unknowns = 'forbid', ...typeOptions } = options;

    const propSchemas: Record<string, AnySchema> = {};
    for (const [key, type] of Object.entries(props)) {
      propSchemas[key] = type.getSchema();
    }

    let schema: AnySchema = internals
      .object()
      .keys(propSchemas)
      // Without a value, build the object from the defaults of its props.
      .default()
      .optional()
      .unknown(unknowns !== 'forbid');
    if (unknowns === 'ignore') {
      schema = (schema as any).$_setFlag(IGNORE_UNKNOWNS_FLAG, true);
    }

    super(schema, typeOptions);
    this.props = props;
    this.options = options;
  }

  /**
   * Returns a new `ObjectType` with `newProps` added to (or replacing) the props of this one.
   * A prop set to `undefined` or `null` is removed. `newOptions` are merged over the original
   * options. Only first-level props can be changed.
   */
  public extends<NP extends NullableProps>(
    newProps: NP,
    newOptions?: ObjectTypeOptions<ExtendedProps<P, NP>>
  ): ExtendedObjectType<P, NP> {
    const extendedProps: Record<string, Type<any>> = {};
    for (const [key, type] of Object.entries({ ...this.props, ...newProps })) {
      if (type !== null && type !== undefined) {
        extendedProps[key] = type;
      }
    }

    const extendedOptions = { ...this.options, ...newOptions } as ObjectTypeOptions<
      ExtendedProps<P, NP>
    >;

    return new ObjectType(extendedProps as ExtendedProps<P, NP>, extendedOptions);
  }

  /**
   * The props this object was created with.
   */
  public getPropSchemas(): P {
    return this.props;
  }

  /**
   * Validates `value` against the prop `key` alone; errors are reported under that key.
   */
  public validateKey(key: string, value: any) {
    const type = Object.prototype.hasOwnProperty.call(this.props, key) ? this.props[key] : undefined;
    if (!type) {
      throw new Error(`${key} is not a valid part of this schema`);
    }
    return type.validate(value, {}, key);
  }

  protected handleError(type: string, { value }: Record<string, any>) {
    switch (type) {
      case 'any.required':
      case 'object.base':
        return `expected a plain object value, but found [${typeDetect(value)}] instead.`;
      case 'object.parse':
        return `could not parse object value from json input`;
      case 'object.unknown':
        return `definition for this key is missing`;
    }
  }
}

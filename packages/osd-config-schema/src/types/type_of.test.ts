import { Duration } from 'moment';
import { schema, TypeOf, ByteSizeValue, Type, ObjectType } from '..';

/*
 * Type-level tests: they are checked by `tsc --noEmit` (the jest run only executes the trivial
 * runtime assertions). `Equals` is strict: `any`, optional-vs-`| undefined` and readonly-ness
 * all make a difference.
 */
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2
  ? true
  : false;

function assertType<T extends true>(): T | void {}

const config = schema.object({
  enabled: schema.boolean({ defaultValue: true }),
  name: schema.string(),
  port: schema.number({ defaultValue: 5601 }),
  optional: schema.maybe(schema.string()),
  nullableValue: schema.nullable(schema.number()),
  mode: schema.oneOf([schema.literal('a'), schema.literal('b')]),
  mixed: schema.oneOf([schema.string(), schema.arrayOf(schema.number())]),
  hosts: schema.arrayOf(schema.uri()),
  labels: schema.recordOf(schema.string(), schema.string()),
  headers: schema.mapOf(schema.string(), schema.number()),
  interval: schema.duration({ defaultValue: '5m' }),
  maxPayload: schema.byteSize({ defaultValue: '1mb' }),
  nested: schema.object({ inner: schema.maybe(schema.boolean()) }),
  conditional: schema.conditional(
    schema.siblingRef('enabled'),
    true,
    schema.string(),
    schema.maybe(schema.number())
  ),
  anything: schema.any(),
});

type Config = TypeOf<typeof config>;

type Expected = Readonly<{
  enabled: boolean;
  name: string;
  port: number;
  optional?: string | undefined;
  nullableValue: number | null;
  mode: 'a' | 'b';
  mixed: string | number[];
  hosts: string[];
  labels: Record<string, string>;
  headers: Map<string, number>;
  interval: Duration;
  maxPayload: ByteSizeValue;
  nested: Readonly<{ inner?: boolean | undefined }>;
  conditional?: string | number | undefined;
  anything?: any;
}>;

// Mutual assignability (the intersection inside `ObjectResultType` is not "identical" to a
// flat object type for `Equals`, so compare each property instead).
assertType<Equals<Config['enabled'], boolean>>();
assertType<Equals<Config['name'], string>>();
assertType<Equals<Config['optional'], string | undefined>>();
assertType<Equals<Config['nullableValue'], number | null>>();
assertType<Equals<Config['mode'], 'a' | 'b'>>();
assertType<Equals<Config['mixed'], string | number[]>>();
assertType<Equals<Config['hosts'], string[]>>();
assertType<Equals<Config['labels'], Record<string, string>>>();
assertType<Equals<Config['headers'], Map<string, number>>>();
assertType<Equals<Config['interval'], Duration>>();
assertType<Equals<Config['maxPayload'], ByteSizeValue>>();
assertType<Equals<Config['nested']['inner'], boolean | undefined>>();
assertType<Equals<Config['conditional'], string | number | undefined>>();
assertType<Equals<keyof Config, keyof Expected>>();

const asExpected: Expected = null! as Config;
const asConfig: Config = null! as Expected;

// Keys accepting undefined are optional, the others are required (defaults do not make a key
// optional in the validated type).
const minimal: Config = {
  enabled: true,
  name: 'n',
  port: 1,
  nullableValue: null,
  mode: 'a',
  mixed: [1],
  hosts: [],
  labels: {},
  headers: new Map(),
  interval: null! as Duration,
  maxPayload: new ByteSizeValue(1),
  nested: {},
};

// @ts-expect-error `name` is required
const missingName: Config = { ...minimal, name: undefined };

// @ts-expect-error `mode` only accepts the literals
const wrongMode: Config = { ...minimal, mode: 'c' };

// @ts-expect-error the result is read-only
minimal.name = 'other';

// `validate` returns the inferred type.
function validated(): Config {
  return config.validate({});
}

// `extends` infers the new props.
const extended = config.extends({ name: undefined, added: schema.number() });
assertType<Equals<TypeOf<typeof extended>['added'], number>>();
// @ts-expect-error `name` was removed
type RemovedName = TypeOf<typeof extended>['name'];

// Types from the factories.
assertType<Equals<TypeOf<ReturnType<typeof schema.string>>, string>>();
assertType<Equals<typeof config extends ObjectType<any> ? true : false, true>>();
assertType<Equals<ReturnType<typeof schema.never>, Type<never>>>();

// oneOf defaults must match one of the types.
schema.oneOf([schema.literal('x'), schema.literal('y')], { defaultValue: 'y' });
// @ts-expect-error 'z' is not one of the literals
schema.oneOf([schema.literal('x'), schema.literal('y')], { defaultValue: 'z' });

// defaults must match the type
// @ts-expect-error a number is not a string default
schema.string({ defaultValue: 1 });
schema.string({ defaultValue: schema.siblingRef('other') });
schema.string({ defaultValue: () => 'computed' });

test('type-level assertions compile (checked by tsc)', () => {
  expect([asExpected, asConfig, missingName, wrongMode, validated]).toHaveLength(5);
});

import { schema } from '..';
import { validationErrorMessage } from '../__test_utils__/expect_error';

describe('schema.mapOf', () => {
  const type = schema.mapOf(schema.string(), schema.string());

  it('converts plain objects and JSON strings to maps', () => {
    expect(type.validate({ name: 'foo' })).toEqual(new Map([['name', 'foo']]));
    expect(type.validate('{"name": "foo"}')).toEqual(new Map([['name', 'foo']]));
  });

  it('accepts maps', () => {
    expect(schema.mapOf(schema.number(), schema.string()).validate(new Map([[1, 'a']]))).toEqual(
      new Map([[1, 'a']])
    );
  });

  it('validates and converts keys and values', () => {
    expect(schema.mapOf(schema.string(), schema.number()).validate({ a: '1' })).toEqual(new Map([['a', 1]]));
  });

  it('rejects other values', () => {
    expect(validationErrorMessage(() => type.validate('invalidjson'))).toBe(
      'could not parse map value from json input'
    );
    expect(validationErrorMessage(() => type.validate('[1,2,3]'))).toBe(
      'expected value of type [Map] or [object] but got [Array]'
    );
    expect(validationErrorMessage(() => type.validate([], {}, 'foo-namespace'))).toBe(
      '[foo-namespace]: expected value of type [Map] or [object] but got [Array]'
    );
    expect(validationErrorMessage(() => type.validate(undefined))).toBe(
      'expected value of type [Map] or [object] but got [undefined]'
    );
  });

  it('reports failing values at their key', () => {
    expect(validationErrorMessage(() => type.validate({ name: 123 }))).toBe(
      '[name]: expected value of type [string] but got [number]'
    );
    expect(validationErrorMessage(() => type.validate({ name: 123 }, {}, 'foo-namespace'))).toBe(
      '[foo-namespace.name]: expected value of type [string] but got [number]'
    );
  });

  it('reports failing keys as key("<key>")', () => {
    const numberKeys = schema.mapOf(schema.number(), schema.string());
    expect(validationErrorMessage(() => numberKeys.validate({ name: 'foo' }))).toBe(
      '[key("name")]: expected value of type [number] but got [string]'
    );
    expect(validationErrorMessage(() => numberKeys.validate({ name: 'foo' }, {}, 'foo-namespace'))).toBe(
      '[foo-namespace.key("name")]: expected value of type [number] but got [string]'
    );
  });

  it('preserves the full path of nested failures', () => {
    const nested = schema.object({
      grandParentKey: schema.object({
        parentKey: schema.mapOf(schema.string({ minLength: 2 }), schema.number()),
      }),
    });
    expect(validationErrorMessage(() => nested.validate({ grandParentKey: { parentKey: { a: 1 } } }))).toBe(
      '[grandParentKey.parentKey.key("a")]: value has length [1] but it must have a minimum length of [2].'
    );
    expect(validationErrorMessage(() => nested.validate({ grandParentKey: { parentKey: { ab: 'x' } } }))).toBe(
      '[grandParentKey.parentKey.ab]: expected value of type [number] but got [string]'
    );

    const objects = schema.mapOf(schema.string(), schema.object({ bar: schema.object({ baz: schema.number() }) }));
    expect(validationErrorMessage(() => objects.validate({ foo: {} }))).toBe(
      '[foo.bar.baz]: expected value of type [number] but got [undefined]'
    );
  });

  it('supports maps of maps and objects', () => {
    expect(
      schema.mapOf(schema.string(), schema.mapOf(schema.string(), schema.number())).validate({ foo: { bar: 1 } })
    ).toEqual(new Map([['foo', new Map([['bar', 1]])]]));
    expect(schema.mapOf(schema.string(), schema.object({ bar: schema.number() })).validate({ foo: { bar: 1 } })).toEqual(
      new Map([['foo', { bar: 1 }]])
    );
  });

  it('returns a copy of its default map', () => {
    const defaultValue = new Map([['foo', 'bar']]);
    const withDefault = schema.mapOf(schema.string(), schema.string(), { defaultValue });
    const result = withDefault.validate(undefined);
    expect(result).toEqual(defaultValue);
    result.set('other', 'x');
    expect(withDefault.validate(undefined)).toEqual(new Map([['foo', 'bar']]));
  });
});

describe('schema.recordOf', () => {
  const type = schema.recordOf(schema.string(), schema.number());

  it('returns validated plain objects', () => {
    expect(type.validate({ a: 1, b: '2' })).toEqual({ a: 1, b: 2 });
    expect(type.validate('{"a": 1}')).toEqual({ a: 1 });
    expect(type.validate({})).toEqual({});
  });

  it('rejects other values', () => {
    expect(validationErrorMessage(() => type.validate('invalidjson'))).toBe(
      'could not parse record value from json input'
    );
    expect(validationErrorMessage(() => type.validate('[1]'))).toBe(
      'expected value of type [object] but got [Array]'
    );
    expect(validationErrorMessage(() => type.validate(new Map(), {}, 'ns'))).toBe(
      '[ns]: expected value of type [object] but got [Map]'
    );
    expect(validationErrorMessage(() => type.validate(undefined))).toBe(
      'expected value of type [object] but got [undefined]'
    );
  });

  it('reports failing values at their key and failing keys as key("<key>")', () => {
    expect(validationErrorMessage(() => type.validate({ a: 'x' }, {}, 'ns'))).toBe(
      '[ns.a]: expected value of type [number] but got [string]'
    );
    const restricted = schema.recordOf(schema.oneOf([schema.literal('a'), schema.literal('b')]), schema.number());
    expect(restricted.validate({ a: 1, b: 2 })).toEqual({ a: 1, b: 2 });
    expect(validationErrorMessage(() => restricted.validate({ c: 1 }))).toBe(
      [
        '[key("c")]: types that failed validation:',
        '- [key("c").0]: expected value to equal [a]',
        '- [key("c").1]: expected value to equal [b]',
      ].join('\n')
    );
  });

  it('uses its default value for undefined', () => {
    expect(schema.recordOf(schema.string(), schema.number(), { defaultValue: { a: 1 } }).validate(undefined)).toEqual({
      a: 1,
    });
  });
});

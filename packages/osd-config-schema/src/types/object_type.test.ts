import { schema } from '..';
import { validationErrorMessage } from '../__test_utils__/expect_error';

describe('schema.object', () => {
  it('returns the validated value', () => {
    const type = schema.object({ name: schema.string(), port: schema.number() });
    expect(type.validate({ name: 'test', port: '5601' })).toEqual({ name: 'test', port: 5601 });
  });

  it('does not mutate the input', () => {
    const type = schema.object({ nested: schema.object({ a: schema.string({ defaultValue: 'a' }) }) });
    const input = { nested: {} };
    expect(type.validate(input)).toEqual({ nested: { a: 'a' } });
    expect(input).toEqual({ nested: {} });
  });

  it('returns an empty object for undefined', () => {
    expect(schema.object({}).validate(undefined)).toEqual({});
  });

  it('parses JSON strings', () => {
    const type = schema.object({ name: schema.string() });
    expect(type.validate('{"name": "test"}')).toEqual({ name: 'test' });
    expect(validationErrorMessage(() => type.validate('invalidjson'))).toBe(
      'could not parse object value from json input'
    );
    expect(validationErrorMessage(() => type.validate('[1,2,3]'))).toBe(
      'expected a plain object value, but found [Array] instead.'
    );
  });

  it.each([
    [123, 'number'],
    [null, 'null'],
    [[], 'Array'],
    [new Map(), 'Map'],
    [new Date(0), 'Date'],
  ])('rejects %p', (value, typeName) => {
    expect(validationErrorMessage(() => schema.object({}).validate(value))).toBe(
      `expected a plain object value, but found [${typeName}] instead.`
    );
  });

  it('includes the namespace when the top-level type is wrong', () => {
    expect(
      validationErrorMessage(() => schema.object({ foo: schema.string() }).validate([], {}, 'foo-ns'))
    ).toBe('[foo-ns]: expected a plain object value, but found [Array] instead.');
  });

  it('reports missing required keys with their path', () => {
    const type = schema.object({ name: schema.string() });
    expect(validationErrorMessage(() => type.validate({}, {}, 'server'))).toBe(
      '[server.name]: expected value of type [string] but got [undefined]'
    );
  });

  it('reports wrong values with the full nested path', () => {
    const type = schema.object({ a: schema.object({ b: schema.object({ c: schema.number() }) }) });
    expect(validationErrorMessage(() => type.validate({ a: { b: { c: 'x' } } }, {}, 'ns'))).toBe(
      '[ns.a.b.c]: expected value of type [number] but got [string]'
    );
  });

  describe('defaults', () => {
    it('fills defaults of missing keys', () => {
      const type = schema.object({
        name: schema.string({ defaultValue: 'test' }),
        port: schema.number({ defaultValue: 5601 }),
      });
      expect(type.validate({})).toEqual({ name: 'test', port: 5601 });
      expect(type.validate({ port: 1 })).toEqual({ name: 'test', port: 1 });
    });

    it('builds nested objects from their defaults when the key is absent', () => {
      const type = schema.object({
        foo: schema.object({ bar: schema.string({ defaultValue: 'hello world' }) }),
      });
      const expected = { foo: { bar: 'hello world' } };
      expect(type.validate(undefined)).toEqual(expected);
      expect(type.validate({})).toEqual(expected);
      expect(type.validate({ foo: {} })).toEqual(expected);
    });

    it('still requires nested keys without default', () => {
      const type = schema.object({ foo: schema.object({ bar: schema.string() }) });
      expect(validationErrorMessage(() => type.validate(undefined))).toBe(
        '[foo.bar]: expected value of type [string] but got [undefined]'
      );
      expect(validationErrorMessage(() => type.validate({ foo: {} }))).toBe(
        '[foo.bar]: expected value of type [string] but got [undefined]'
      );
    });

    it('uses an explicit default value as is', () => {
      const type = schema.object({ a: schema.string() }, { defaultValue: { a: 'default' } });
      expect(type.validate(undefined)).toEqual({ a: 'default' });
      expect(type.validate({ a: 'given' })).toEqual({ a: 'given' });
    });

    it('does not share default values between validations', () => {
      const type = schema.object({ list: schema.arrayOf(schema.string(), { defaultValue: ['a'] }) });
      const first = type.validate({});
      (first.list as string[]).push('b');
      expect(type.validate({})).toEqual({ list: ['a'] });
    });
  });

  describe('unknowns', () => {
    it('forbids unknown keys by default', () => {
      const type = schema.object({ foo: schema.string() });
      expect(validationErrorMessage(() => type.validate({ bar: 'baz', foo: 'bar' }))).toBe(
        '[bar]: definition for this key is missing'
      );
      expect(validationErrorMessage(() => type.validate({ foo: 'a', bar: 1 }, {}, 'telemetry'))).toBe(
        '[telemetry.bar]: definition for this key is missing'
      );
    });

    it('forbids unknown keys of nested objects', () => {
      const type = schema.object({ foo: schema.object({ bar: schema.string() }) });
      expect(validationErrorMessage(() => type.validate({ foo: { bar: 'a', baz: 'b' } }))).toBe(
        '[foo.baz]: definition for this key is missing'
      );
    });

    it("forbids unknown keys when unknowns = 'forbid'", () => {
      const type = schema.object({ foo: schema.string({ defaultValue: 'test' }) }, { unknowns: 'forbid' });
      expect(validationErrorMessage(() => type.validate({ bar: 'baz' }))).toBe(
        '[bar]: definition for this key is missing'
      );
    });

    it("keeps unknown keys when unknowns = 'allow'", () => {
      const type = schema.object({ foo: schema.string({ defaultValue: 'test' }) }, { unknowns: 'allow' });
      expect(type.validate({ bar: 'baz' })).toEqual({ foo: 'test', bar: 'baz' });
    });

    it("drops unknown keys when unknowns = 'ignore'", () => {
      const type = schema.object({ foo: schema.string({ defaultValue: 'test' }) }, { unknowns: 'ignore' });
      expect(type.validate({ bar: 'baz' })).toEqual({ foo: 'test' });
      expect(type.validate('{"bar": "baz", "foo": "x"}')).toEqual({ foo: 'x' });
    });

    it.each(['allow', 'ignore'] as const)("unknowns = '%s' only applies to its own keys", (unknowns) => {
      const type = schema.object({ foo: schema.object({ bar: schema.string() }) }, { unknowns });
      expect(validationErrorMessage(() => type.validate({ foo: { bar: 'bar', baz: 'baz' } }))).toBe(
        '[foo.baz]: definition for this key is missing'
      );
    });

    it('still validates known keys when unknowns are ignored', () => {
      const type = schema.object({ foo: schema.number() }, { unknowns: 'ignore' });
      expect(validationErrorMessage(() => type.validate({ foo: 'x', bar: 1 }))).toBe(
        '[foo]: expected value of type [number] but got [string]'
      );
    });
  });

  describe('validate', () => {
    it('is called after the props are validated and defaulted', () => {
      const validate = jest.fn();
      const type = schema.object(
        { foo: schema.object({ bar: schema.string({ defaultValue: 'baz' }) }) },
        { validate }
      );
      type.validate({ foo: {} });
      expect(validate).toHaveBeenCalledWith({ foo: { bar: 'baz' } });
    });

    it('fails with the returned message at the path of the object', () => {
      const type = schema.object({
        ssl: schema.object(
          { enabled: schema.boolean(), key: schema.maybe(schema.string()) },
          { validate: (ssl) => (ssl.enabled && !ssl.key ? 'key is required when enabled' : undefined) }
        ),
      });
      expect(type.validate({ ssl: { enabled: false } })).toEqual({ ssl: { enabled: false } });
      expect(validationErrorMessage(() => type.validate({ ssl: { enabled: true } }, {}, 'server'))).toBe(
        '[server.ssl]: key is required when enabled'
      );
    });
  });

  it('handles oneOf props', () => {
    const type = schema.object({ key: schema.oneOf([schema.string(), schema.arrayOf(schema.string())]) });
    expect(type.validate({ key: 'foo' })).toEqual({ key: 'foo' });
    expect(validationErrorMessage(() => type.validate({ key: 123 }))).toBe(
      [
        '[key]: types that failed validation:',
        '- [key.0]: expected value of type [string] but got [number]',
        '- [key.1]: expected value of type [array] but got [number]',
      ].join('\n')
    );
  });

  it('handles optional props', () => {
    const type = schema.object({ required: schema.string(), optional: schema.maybe(schema.string()) });
    expect(type.validate({ required: 'a' })).toEqual({ required: 'a' });
    expect(type.validate({ required: 'a', optional: 'b' })).toEqual({ required: 'a', optional: 'b' });
  });

  describe('validateKey', () => {
    const type = schema.object({ foo: schema.boolean() });

    it('validates a single prop', () => {
      expect(type.validateKey('foo', 'true')).toBe(true);
      expect(validationErrorMessage(() => type.validateKey('foo', 'x'))).toBe(
        '[foo]: expected value of type [boolean] but got [string]'
      );
    });

    it('throws for unknown keys', () => {
      expect(() => type.validateKey('bar', '')).toThrow('bar is not a valid part of this schema');
    });
  });

  it('exposes its props', () => {
    const props = { foo: schema.string() };
    expect(schema.object(props).getPropSchemas()).toBe(props);
  });

  describe('extends', () => {
    it('adds props', () => {
      const extended = schema.object({ initial: schema.string() }).extends({ added: schema.number() });
      expect(validationErrorMessage(() => extended.validate({ initial: 'foo' }))).toBe(
        '[added]: expected value of type [number] but got [undefined]'
      );
      expect(extended.validate({ initial: 'foo', added: 42 })).toEqual({ initial: 'foo', added: 42 });
    });

    it('removes props set to undefined or null', () => {
      const origin = schema.object({ string: schema.string(), number: schema.number(), other: schema.number() });
      const extended = origin.extends({ number: undefined, other: null });
      expect(validationErrorMessage(() => extended.validate({ string: 'foo', number: 12 }))).toBe(
        '[number]: definition for this key is missing'
      );
      expect(extended.validate({ string: 'foo' })).toEqual({ string: 'foo' });
    });

    it('overrides props', () => {
      const extended = schema
        .object({ string: schema.string(), mutated: schema.number() })
        .extends({ mutated: schema.string() });
      expect(validationErrorMessage(() => extended.validate({ string: 'foo', mutated: 12 }))).toBe(
        '[mutated]: expected value of type [string] but got [number]'
      );
    });

    it('keeps and overrides options', () => {
      const origin = schema.object({ initial: schema.string() }, { unknowns: 'allow', defaultValue: { initial: 'foo' } });
      const extended = origin.extends({ added: schema.number() }, { defaultValue: { initial: 'bar', added: 42 } });
      expect(extended.validate(undefined)).toEqual({ initial: 'bar', added: 42 });
      expect(extended.validate({ initial: 'a', added: 1, other: true })).toEqual({
        initial: 'a',
        added: 1,
        other: true,
      });
    });

    it('does not change the original schema', () => {
      const origin = schema.object({ initial: schema.string() });
      origin.extends({ added: schema.number() });
      expect(origin.validate({ initial: 'a' })).toEqual({ initial: 'a' });
    });
  });
});

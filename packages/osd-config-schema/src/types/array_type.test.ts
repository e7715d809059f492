import { schema } from '..';
import { validationErrorMessage } from '../__test_utils__/expect_error';

describe('schema.arrayOf', () => {
  it('returns the validated items', () => {
    expect(schema.arrayOf(schema.string()).validate(['foo', 'bar'])).toEqual(['foo', 'bar']);
    expect(schema.arrayOf(schema.number()).validate([1, '2'])).toEqual([1, 2]);
  });

  it('does not mutate the input', () => {
    const input = ['1', '2'];
    expect(schema.arrayOf(schema.number()).validate(input)).toEqual([1, 2]);
    expect(input).toEqual(['1', '2']);
  });

  it('accepts empty arrays, even when items are required', () => {
    expect(schema.arrayOf(schema.string()).validate([])).toEqual([]);
    expect(schema.arrayOf(schema.string({ defaultValue: 'test' })).validate([])).toEqual([]);
  });

  it('parses JSON strings', () => {
    const type = schema.arrayOf(schema.string());
    expect(type.validate('["foo", "bar"]')).toEqual(['foo', 'bar']);
    expect(validationErrorMessage(() => type.validate('test'))).toBe(
      'could not parse array value from json input'
    );
    expect(validationErrorMessage(() => type.validate('{"foo": "bar"}'))).toBe(
      'expected value of type [array] but got [Object]'
    );
    expect(validationErrorMessage(() => type.validate('[1, 2]'))).toBe(
      '[0]: expected value of type [string] but got [number]'
    );
  });

  it.each([
    [12, 'number'],
    [{}, 'Object'],
    [null, 'null'],
    [new Set(), 'Set'],
  ])('rejects %p', (value, typeName) => {
    expect(validationErrorMessage(() => schema.arrayOf(schema.string()).validate(value))).toBe(
      `expected value of type [array] but got [${typeName}]`
    );
  });

  it('is required by default', () => {
    expect(validationErrorMessage(() => schema.arrayOf(schema.string()).validate(undefined))).toBe(
      'expected value of type [array] but got [undefined]'
    );
  });

  it('reports the index of the first failing item', () => {
    const type = schema.arrayOf(schema.string());
    expect(validationErrorMessage(() => type.validate(['foo', 'bar', true, {}]))).toBe(
      '[2]: expected value of type [string] but got [boolean]'
    );
    expect(validationErrorMessage(() => type.validate([123], {}, 'foo-namespace'))).toBe(
      '[foo-namespace.0]: expected value of type [string] but got [number]'
    );
  });

  it('reports failures inside objects of the array', () => {
    const type = schema.object({ hosts: schema.arrayOf(schema.object({ url: schema.uri() })) });
    expect(validationErrorMessage(() => type.validate({ hosts: [{ url: 'http://a' }, {}] }))).toBe(
      '[hosts.1.url]: expected value of type [string] but got [undefined].'
    );
  });

  it('fills defaults of objects in the array', () => {
    const type = schema.arrayOf(schema.object({ foo: schema.string({ defaultValue: 'foo' }) }));
    expect(type.validate([{}, { foo: 'test' }])).toEqual([{ foo: 'foo' }, { foo: 'test' }]);
  });

  it('rejects undefined items, even for optional item types', () => {
    expect(validationErrorMessage(() => schema.arrayOf(schema.string()).validate([undefined]))).toBe(
      '[0]: sparse array are not allowed'
    );
    expect(
      validationErrorMessage(() => schema.arrayOf(schema.maybe(schema.string())).validate(['a', undefined]))
    ).toBe('[1]: sparse array are not allowed');
  });

  it('accepts null items only for nullable item types', () => {
    expect(schema.arrayOf(schema.nullable(schema.string())).validate([null])).toEqual([null]);
    expect(validationErrorMessage(() => schema.arrayOf(schema.maybe(schema.string())).validate([null]))).toBe(
      '[0]: expected value of type [string] but got [null]'
    );
  });

  it('uses its default value for undefined', () => {
    expect(schema.arrayOf(schema.string(), { defaultValue: ['foo'] }).validate(undefined)).toEqual(['foo']);
  });

  it('supports arrays of arrays', () => {
    const type = schema.arrayOf(schema.arrayOf(schema.string(), { minSize: 2, maxSize: 2 }), { minSize: 1 });
    expect(type.validate([['foo', 'bar']])).toEqual([['foo', 'bar']]);
    expect(validationErrorMessage(() => type.validate([['foo']]))).toBe(
      '[0]: array size is [1], but cannot be smaller than [2]'
    );
  });

  describe('minSize / maxSize', () => {
    it('accepts sizes within the limits', () => {
      expect(schema.arrayOf(schema.string(), { minSize: 1, maxSize: 2 }).validate(['foo'])).toEqual(['foo']);
    });

    it('rejects smaller arrays', () => {
      expect(
        validationErrorMessage(() => schema.arrayOf(schema.string(), { minSize: 2 }).validate(['foo']))
      ).toBe('array size is [1], but cannot be smaller than [2]');
    });

    it('rejects larger arrays', () => {
      expect(
        validationErrorMessage(() => schema.arrayOf(schema.string(), { maxSize: 1 }).validate(['foo', 'bar']))
      ).toBe('array size is [2], but cannot be greater than [1]');
    });
  });

  it('runs validate on the whole array', () => {
    const type = schema.arrayOf(schema.string(), {
      validate: (values) => (new Set(values).size !== values.length ? 'duplicates' : undefined),
    });
    expect(type.validate(['a', 'b'])).toEqual(['a', 'b']);
    expect(validationErrorMessage(() => type.validate(['a', 'a']))).toBe('duplicates');
  });
});

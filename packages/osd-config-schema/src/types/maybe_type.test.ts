import { schema } from '..';
import { validationErrorMessage } from '../__test_utils__/expect_error';

describe('schema.maybe', () => {
  it('returns the value when defined', () => {
    expect(schema.maybe(schema.string()).validate('test')).toBe('test');
    expect(schema.maybe(schema.number()).validate('12')).toBe(12);
  });

  it('returns undefined for undefined', () => {
    expect(schema.maybe(schema.string()).validate(undefined)).toBeUndefined();
  });

  it('returns undefined even if the wrapped type has a default value', () => {
    expect(schema.maybe(schema.string({ defaultValue: 'abc' })).validate(undefined)).toBeUndefined();
  });

  it('fails with the error of the wrapped type', () => {
    expect(validationErrorMessage(() => schema.maybe(schema.string()).validate(null))).toBe(
      'expected value of type [string] but got [null]'
    );
    expect(validationErrorMessage(() => schema.maybe(schema.number({ max: 1 })).validate(2))).toBe(
      'Value must be equal to or lower than [1].'
    );
  });

  it('leaves the key out of objects', () => {
    const type = schema.object({ name: schema.maybe(schema.string()) });
    expect(type.validate({})).toEqual({});
    expect('name' in type.validate({})).toBe(false);
    expect(type.validate({ name: 'a' })).toEqual({ name: 'a' });
  });

  it('does not build a maybe object from its defaults', () => {
    const type = schema.object({
      nested: schema.maybe(schema.object({ a: schema.string({ defaultValue: 'a' }) })),
    });
    expect(type.validate({})).toEqual({});
    expect(type.validate({ nested: {} })).toEqual({ nested: { a: 'a' } });
  });

  it('reports errors of nested values with their path', () => {
    const type = schema.object({ nested: schema.maybe(schema.object({ a: schema.number() })) });
    expect(validationErrorMessage(() => type.validate({ nested: { a: 'x' } }))).toBe(
      '[nested.a]: expected value of type [number] but got [string]'
    );
  });
});

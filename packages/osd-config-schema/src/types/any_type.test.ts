import { schema } from '..';
import { validationErrorMessage } from '../__test_utils__/expect_error';

describe('schema.any', () => {
  it.each([true, 1, 'a', null, [1], { a: { b: 1 } }])('accepts %p as is', (value) => {
    expect(schema.any().validate(value)).toEqual(value);
  });

  it('is required by default', () => {
    expect(validationErrorMessage(() => schema.any().validate(undefined))).toBe(
      'expected value of type [any] but got [undefined]'
    );
  });

  it('supports a default value', () => {
    expect(schema.any({ defaultValue: { a: 1 } }).validate(undefined)).toEqual({ a: 1 });
  });

  it('makes the key optional in objects when wrapped in maybe', () => {
    expect(schema.object({ a: schema.maybe(schema.any()) }).validate({})).toEqual({});
  });
});

describe('schema.never', () => {
  it('accepts undefined only', () => {
    expect(schema.never().validate(undefined)).toBeUndefined();
    expect(schema.object({ a: schema.never() }).validate({})).toEqual({});
  });

  it.each([1, 'a', null, false])('rejects %p', (value) => {
    expect(validationErrorMessage(() => schema.never().validate(value))).toBe(
      "a value wasn't expected to be present"
    );
  });

  it('reports the key path', () => {
    expect(validationErrorMessage(() => schema.object({ a: schema.never() }).validate({ a: 1 }))).toBe(
      "[a]: a value wasn't expected to be present"
    );
  });
});

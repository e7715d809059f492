import { schema } from '..';
import { validationErrorMessage } from '../__test_utils__/expect_error';

describe('schema.literal', () => {
  it('accepts exactly the given value', () => {
    expect(schema.literal('test').validate('test')).toBe('test');
    expect(schema.literal(1).validate(1)).toBe(1);
    expect(schema.literal(true).validate(true)).toBe(true);
    expect(schema.literal(null).validate(null)).toBe(null);
  });

  it('does not convert values', () => {
    expect(validationErrorMessage(() => schema.literal(1).validate('1'))).toBe(
      'expected value to equal [1]'
    );
    expect(validationErrorMessage(() => schema.literal(true).validate('true'))).toBe(
      'expected value to equal [true]'
    );
  });

  it('rejects other values', () => {
    expect(validationErrorMessage(() => schema.literal('test').validate('foo'))).toBe(
      'expected value to equal [test]'
    );
    expect(validationErrorMessage(() => schema.literal(null).validate(undefined))).toBe(
      'expected value to equal [null]'
    );
  });

  it('is required by default and reports its path', () => {
    expect(validationErrorMessage(() => schema.literal('test').validate(undefined))).toBe(
      'expected value to equal [test]'
    );
    expect(
      validationErrorMessage(() =>
        schema.object({ kind: schema.literal('a') }).validate({ kind: 'b' }, {}, 'ns')
      )
    ).toBe('[ns.kind]: expected value to equal [a]');
  });
});

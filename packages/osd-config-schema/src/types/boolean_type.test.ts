import { schema } from '..';
import { validationErrorMessage } from '../__test_utils__/expect_error';

describe('schema.boolean', () => {
  it('returns booleans', () => {
    expect(schema.boolean().validate(true)).toBe(true);
    expect(schema.boolean().validate(false)).toBe(false);
  });

  it.each([
    ['true', true],
    ['false', false],
    ['TRUE', true],
    ['False', false],
  ])('converts the string %s', (value, expected) => {
    expect(schema.boolean().validate(value)).toBe(expected);
  });

  it('is required by default', () => {
    expect(validationErrorMessage(() => schema.boolean().validate(undefined))).toBe(
      'expected value of type [boolean] but got [undefined]'
    );
  });

  it.each([
    ['yes', 'string'],
    ['1', 'string'],
    ['', 'string'],
    [' true', 'string'],
    [1, 'number'],
    [0, 'number'],
    [null, 'null'],
    [[true], 'Array'],
    [{}, 'Object'],
  ])('rejects %p', (value, typeName) => {
    expect(validationErrorMessage(() => schema.boolean().validate(value))).toBe(
      `expected value of type [boolean] but got [${typeName}]`
    );
  });

  it('reports the key path and namespace', () => {
    const type = schema.object({ optIn: schema.boolean({ defaultValue: true }) });
    expect(validationErrorMessage(() => type.validate({ optIn: 'yes' }, {}, 'telemetry'))).toBe(
      '[telemetry.optIn]: expected value of type [boolean] but got [string]'
    );
  });

  it('uses the default value only for undefined', () => {
    expect(schema.boolean({ defaultValue: true }).validate(undefined)).toBe(true);
    expect(schema.boolean({ defaultValue: true }).validate(false)).toBe(false);
    expect(schema.boolean({ defaultValue: true }).validate('false')).toBe(false);
  });
});

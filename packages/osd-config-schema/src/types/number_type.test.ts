import { schema } from '..';
import { validationErrorMessage } from '../__test_utils__/expect_error';

describe('schema.number', () => {
  it('returns numbers', () => {
    expect(schema.number().validate(4)).toBe(4);
    expect(schema.number().validate(-4.5)).toBe(-4.5);
    expect(schema.number().validate(0)).toBe(0);
  });

  it('converts numeric strings (e.g. CLI overrides)', () => {
    expect(schema.number().validate('5601')).toBe(5601);
    expect(schema.number().validate('4.23')).toBe(4.23);
    expect(schema.number().validate('-1')).toBe(-1);
  });

  it('accepts large integers as they are', () => {
    expect(schema.number().validate(Math.pow(2, 60))).toBe(Math.pow(2, 60));
  });

  it('is required by default', () => {
    expect(validationErrorMessage(() => schema.number().validate(undefined))).toBe(
      'expected value of type [number] but got [undefined]'
    );
    expect(validationErrorMessage(() => schema.number().validate(undefined, {}, 'foo-namespace'))).toBe(
      '[foo-namespace]: expected value of type [number] but got [undefined]'
    );
  });

  it.each([
    ['test', 'string'],
    ['', 'string'],
    ['12abc', 'string'],
    [NaN, 'number'],
    [true, 'boolean'],
    [null, 'null'],
    [[1, 2, 3], 'Array'],
    [/abc/, 'RegExp'],
  ])('rejects %p', (value, typeName) => {
    expect(validationErrorMessage(() => schema.number().validate(value))).toBe(
      `expected value of type [number] but got [${typeName}]`
    );
  });

  it('rejects infinities', () => {
    expect(validationErrorMessage(() => schema.number().validate(Infinity))).toBe(
      '"value" cannot be infinity'
    );
  });

  describe('min / max', () => {
    const port = schema.number({ min: 0, max: 65535 });

    it('accepts the limits', () => {
      expect(port.validate(0)).toBe(0);
      expect(port.validate(65535)).toBe(65535);
      expect(port.validate('65535')).toBe(65535);
    });

    it('rejects values out of range', () => {
      expect(validationErrorMessage(() => port.validate(-1))).toBe(
        'Value must be equal to or greater than [0].'
      );
      expect(validationErrorMessage(() => port.validate(65536))).toBe(
        'Value must be equal to or lower than [65535].'
      );
    });

    it('reports the key path and namespace', () => {
      const type = schema.object({ port });
      expect(validationErrorMessage(() => type.validate({ port: '70000' }, {}, 'server'))).toBe(
        '[server.port]: Value must be equal to or lower than [65535].'
      );
    });
  });

  describe('defaultValue', () => {
    it('is used when the value is undefined', () => {
      expect(schema.number({ defaultValue: 2 }).validate(undefined)).toBe(2);
      expect(schema.number({ defaultValue: 2 }).validate(3)).toBe(3);
      expect(schema.number({ defaultValue: () => 7 }).validate(undefined)).toBe(7);
    });
  });

  it('runs the custom validation on the converted value', () => {
    const validate = jest.fn((value: number) => (value % 2 ? 'must be even' : undefined));
    expect(schema.number({ validate }).validate('4')).toBe(4);
    expect(validate).toHaveBeenCalledWith(4);
    expect(validationErrorMessage(() => schema.number({ validate }).validate(3))).toBe(
      'must be even'
    );
  });
});

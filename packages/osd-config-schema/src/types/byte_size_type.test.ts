import { schema } from '..';
import { ByteSizeValue } from '../byte_size_value';
import { validationErrorMessage } from '../__test_utils__/expect_error';

const { byteSize } = schema;

describe('schema.byteSize', () => {
  it.each([
    ['123b', 123],
    ['123', 123],
    [123, 123],
    ['1mb', 1048576],
    ['512kb', 524288],
    ['1gb', 1073741824],
  ])('converts %p', (value, bytes) => {
    const result = byteSize().validate(value);
    expect(result).toBeInstanceOf(ByteSizeValue);
    expect(result.getValueInBytes()).toBe(bytes);
  });

  it('accepts ByteSizeValue instances', () => {
    expect(byteSize().validate(new ByteSizeValue(5))).toEqual(new ByteSizeValue(5));
  });

  it('is required by default', () => {
    expect(validationErrorMessage(() => byteSize().validate(undefined))).toBe(
      'expected value of type [ByteSize] but got [undefined]'
    );
    expect(validationErrorMessage(() => byteSize().validate(undefined, {}, 'foo-namespace'))).toBe(
      '[foo-namespace]: expected value of type [ByteSize] but got [undefined]'
    );
  });

  it('rejects invalid values', () => {
    for (const value of [-123, NaN, Infinity, Math.pow(2, 53)]) {
      expect(validationErrorMessage(() => byteSize().validate(value))).toBe(
        'Value in bytes is expected to be a safe positive integer.'
      );
    }
    expect(validationErrorMessage(() => byteSize().validate([1, 2, 3]))).toBe(
      'expected value of type [ByteSize] but got [Array]'
    );
    expect(validationErrorMessage(() => byteSize().validate(/abc/))).toBe(
      'expected value of type [ByteSize] but got [RegExp]'
    );
    expect(validationErrorMessage(() => schema.object({ max: byteSize() }).validate({ max: '123foo' }))).toBe(
      "[max]: Failed to parse value as byte value. Value must be either number of bytes, or follow the format <count>[b|kb|mb|gb] (e.g., '1024kb', '200mb', '1gb'), where the number is a safe positive integer."
    );
  });

  describe('defaultValue', () => {
    it.each([
      ['a ByteSizeValue', ByteSizeValue.parse('1kb')],
      ['a string', '1kb'],
      ['a string-formatted number', '1024'],
      ['a number', 1024],
    ])('can be %s', (_, defaultValue) => {
      expect(byteSize({ defaultValue }).validate(undefined)).toEqual(new ByteSizeValue(1024));
    });
  });

  describe('min / max', () => {
    it('accept values within the limits', () => {
      expect(byteSize({ min: '1b' }).validate('1kb').getValueInBytes()).toBe(1024);
      expect(byteSize({ max: '1kb' }).validate('1b').getValueInBytes()).toBe(1);
      expect(byteSize({ min: 1024, max: '1kb' }).validate(1024).getValueInBytes()).toBe(1024);
    });

    it('reject values out of the limits', () => {
      expect(validationErrorMessage(() => byteSize({ min: '1kb' }).validate('1b'))).toBe(
        'Value must be equal to or greater than [1kb]'
      );
      expect(validationErrorMessage(() => byteSize({ max: '1kb' }).validate('1mb'))).toBe(
        'Value must be equal to or less than [1kb]'
      );
      expect(validationErrorMessage(() => byteSize({ max: new ByteSizeValue(1536) }).validate('2kb'))).toBe(
        'Value must be equal to or less than [1.5kb]'
      );
    });
  });

  it('runs validate on the converted value', () => {
    const validate = jest.fn();
    byteSize({ validate }).validate('1kb');
    expect(validate).toHaveBeenCalledWith(new ByteSizeValue(1024));
  });
});

import { schema } from '..';
import { validationErrorMessage } from '../__test_utils__/expect_error';

describe('schema.string', () => {
  it('returns strings, including the empty string', () => {
    expect(schema.string().validate('test')).toBe('test');
    expect(schema.string().validate('')).toBe('');
  });

  it('is required by default', () => {
    expect(validationErrorMessage(() => schema.string().validate(undefined))).toBe(
      'expected value of type [string] but got [undefined]'
    );
  });

  it('includes the namespace in failures', () => {
    expect(validationErrorMessage(() => schema.string().validate(undefined, {}, 'foo-namespace'))).toBe(
      '[foo-namespace]: expected value of type [string] but got [undefined]'
    );
  });

  it.each([
    [123, 'number'],
    [true, 'boolean'],
    [null, 'null'],
    [[1, 2, 3], 'Array'],
    [/abc/, 'RegExp'],
    [{}, 'Object'],
    [new Map(), 'Map'],
    [new Date(0), 'Date'],
  ])('rejects %p without converting it', (value, typeName) => {
    expect(validationErrorMessage(() => schema.string().validate(value))).toBe(
      `expected value of type [string] but got [${typeName}]`
    );
  });

  describe('minLength', () => {
    it('accepts long enough strings', () => {
      expect(schema.string({ minLength: 2 }).validate('foo')).toBe('foo');
      expect(schema.string({ minLength: 3 }).validate('foo')).toBe('foo');
    });

    it('rejects shorter strings, including the empty string', () => {
      expect(validationErrorMessage(() => schema.string({ minLength: 4 }).validate('foo'))).toBe(
        'value has length [3] but it must have a minimum length of [4].'
      );
      expect(validationErrorMessage(() => schema.string({ minLength: 2 }).validate(''))).toBe(
        'value has length [0] but it must have a minimum length of [2].'
      );
    });

    it('checks the type before the length', () => {
      expect(validationErrorMessage(() => schema.string({ minLength: 2 }).validate(12345))).toBe(
        'expected value of type [string] but got [number]'
      );
    });
  });

  describe('maxLength', () => {
    it('accepts short enough strings', () => {
      expect(schema.string({ maxLength: 3 }).validate('foo')).toBe('foo');
    });

    it('rejects longer strings', () => {
      expect(validationErrorMessage(() => schema.string({ maxLength: 2 }).validate('foo'))).toBe(
        'value has length [3] but it must have a maximum length of [2].'
      );
    });
  });

  describe('hostname', () => {
    const hostname = schema.string({ hostname: true });

    it.each([
      'www.example.com',
      '3domain.local',
      'hostname',
      'localhost',
      '::1',
      '0:0:0:0:0:0:0:1',
      '127.0.0.1',
      'xn----ascii-7gg5ei7b1i.xn--90a3a',
      Array(4).fill('a'.repeat(63)).join('.'),
    ])('accepts %s', (value) => {
      expect(hostname.validate(value)).toBe(value);
    });

    it.each(['host:name', 'localhost:5601', '-', '0:?:0:0:0:0:0:1', 'a'.repeat(256), 'http://x.y'])(
      'rejects %s',
      (value) => {
        expect(validationErrorMessage(() => hostname.validate(value))).toBe(
          'value must be a valid hostname (see RFC 1123).'
        );
      }
    );

    it('rejects the empty string', () => {
      expect(validationErrorMessage(() => hostname.validate(''))).toBe(
        '"value" is not allowed to be empty'
      );
    });

    it('is required by default', () => {
      expect(validationErrorMessage(() => hostname.validate(undefined))).toBe(
        'expected value of type [string] but got [undefined]'
      );
    });

    it('supports the length rules', () => {
      expect(
        validationErrorMessage(() =>
          schema.string({ hostname: true, maxLength: 3 }).validate('www.example.com')
        )
      ).toBe('value has length [15] but it must have a maximum length of [3].');
    });
  });

  describe('defaultValue', () => {
    it('is used when the value is undefined', () => {
      expect(schema.string({ defaultValue: 'foo' }).validate(undefined)).toBe('foo');
      expect(schema.string({ defaultValue: 'foo' }).validate('bar')).toBe('bar');
    });

    it('is not used for null or the empty string', () => {
      expect(schema.string({ defaultValue: 'foo' }).validate('')).toBe('');
      expect(validationErrorMessage(() => schema.string({ defaultValue: 'foo' }).validate(null))).toBe(
        'expected value of type [string] but got [null]'
      );
    });

    it('can be a function', () => {
      const defaultValue = jest.fn(() => 'generated');
      const type = schema.string({ defaultValue });
      expect(type.validate('given')).toBe('given');
      expect(defaultValue).not.toHaveBeenCalled();
      expect(type.validate(undefined)).toBe('generated');
      expect(defaultValue).toHaveBeenCalledTimes(1);
    });

    it('can be a context reference', () => {
      expect(
        schema
          .string({ defaultValue: schema.contextRef('some_value') })
          .validate(undefined, { some_value: 'some' })
      ).toBe('some');
    });
  });

  describe('validate', () => {
    it('is called with the value', () => {
      const validate = jest.fn();
      schema.string({ validate }).validate('test');
      expect(validate).toHaveBeenCalledWith('test');
    });

    it('is not called with the default value', () => {
      const validate = jest.fn();
      schema.string({ validate, defaultValue: 'foo' }).validate(undefined);
      expect(validate).not.toHaveBeenCalled();
    });

    it('fails with the returned message, also for the empty string', () => {
      const validate = () => 'validator failure';
      expect(validationErrorMessage(() => schema.string({ validate }).validate('foo'))).toBe(
        'validator failure'
      );
      expect(validationErrorMessage(() => schema.string({ validate }).validate(''))).toBe(
        'validator failure'
      );
    });

    it('fails with the message of a thrown error', () => {
      const validate = () => {
        throw new Error('thrown failure');
      };
      expect(validationErrorMessage(() => schema.string({ validate }).validate('foo'))).toBe(
        'thrown failure'
      );
    });

    it('is not called when the type check fails', () => {
      const validate = jest.fn(() => 'never reached');
      expect(validationErrorMessage(() => schema.string({ validate }).validate(1))).toBe(
        'expected value of type [string] but got [number]'
      );
      expect(validate).not.toHaveBeenCalled();
    });
  });
});

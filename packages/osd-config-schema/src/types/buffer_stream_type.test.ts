import { PassThrough } from 'stream';
import { schema } from '..';
import { validationErrorMessage } from '../__test_utils__/expect_error';

describe('schema.buffer', () => {
  it('accepts buffers and converts strings', () => {
    const buffer = Buffer.from('abc');
    expect(schema.buffer().validate(buffer)).toEqual(buffer);
    expect(schema.buffer().validate('abc')).toEqual(Buffer.from('abc'));
  });

  it('rejects other values', () => {
    expect(validationErrorMessage(() => schema.buffer().validate(1))).toBe(
      'expected value of type [Buffer] but got [number]'
    );
    expect(validationErrorMessage(() => schema.buffer().validate(undefined))).toBe(
      'expected value of type [Buffer] but got [undefined]'
    );
  });
});

describe('schema.stream', () => {
  it('accepts streams as they are', () => {
    const stream = new PassThrough();
    expect(schema.stream().validate(stream)).toBe(stream);
  });

  it('rejects other values', () => {
    expect(validationErrorMessage(() => schema.stream().validate('abc'))).toBe(
      'expected value of type [Stream] but got [string]'
    );
    expect(validationErrorMessage(() => schema.stream().validate(Buffer.from('abc')))).toBe(
      'expected value of type [Stream] but got [Uint8Array]'
    );
    expect(validationErrorMessage(() => schema.stream().validate(undefined))).toBe(
      'expected value of type [Stream] but got [undefined]'
    );
  });
});

import { ByteSizeValue, bytes, ensureByteSizeValue, gb, kb, mb, tb } from '.';

describe('ByteSizeValue.parse', () => {
  it.each([
    ['123b', 123],
    ['0b', 0],
    ['1kb', 1024],
    ['512kb', 512 * 1024],
    ['1mb', 1024 * 1024],
    ['2gb', 2 * 1024 * 1024 * 1024],
    ['1024', 1024],
    ['0', 0],
  ])('parses %s', (text, expected) => {
    expect(ByteSizeValue.parse(text).getValueInBytes()).toBe(expected);
  });

  it.each(['123foo', '123 456', 'kb', '', ' ', '1.5mb', '1kbb', 'x1kb', '1 kb', '1KB'])(
    'rejects %j',
    (text) => {
      expect(() => ByteSizeValue.parse(text)).toThrow(
        "Failed to parse value as byte value. Value must be either number of bytes, or follow the format <count>[b|kb|mb|gb] (e.g., '1024kb', '200mb', '1gb'), where the number is a safe positive integer."
      );
    }
  );

  it.each(['-1', '1.5', `${Math.pow(2, 53)}`])('rejects the number %s', (text) => {
    expect(() => ByteSizeValue.parse(text)).toThrow(
      'Value in bytes is expected to be a safe positive integer.'
    );
  });
});

describe('new ByteSizeValue', () => {
  it.each([-1, 1.5, NaN, Infinity, Math.pow(2, 53)])('rejects %s', (value) => {
    expect(() => new ByteSizeValue(value)).toThrow(
      'Value in bytes is expected to be a safe positive integer.'
    );
  });
});

describe('comparisons', () => {
  it('compares sizes', () => {
    expect(mb(1).isGreaterThan(kb(1))).toBe(true);
    expect(kb(1).isGreaterThan(mb(1))).toBe(false);
    expect(kb(1).isLessThan(mb(1))).toBe(true);
    expect(kb(1).isEqualTo(bytes(1024))).toBe(true);
    expect(kb(1).isEqualTo(bytes(1025))).toBe(false);
  });
});

describe('#toString', () => {
  it('picks the largest unit keeping the value >= 1', () => {
    expect(bytes(1023).toString()).toBe('1023b');
    expect(bytes(1024).toString()).toBe('1kb');
    expect(bytes(1536).toString()).toBe('1.5kb');
    expect(mb(1).toString()).toBe('1mb');
    expect(gb(3).toString()).toBe('3gb');
    expect(tb(1).toString()).toBe('1024gb');
  });

  it('renders in the requested unit with at most two decimals', () => {
    expect(kb(1).toString('b')).toBe('1024b');
    expect(bytes(1000).toString('kb')).toBe('0.98kb');
    expect(mb(1).toString('kb')).toBe('1024kb');
    expect(mb(512).toString('gb')).toBe('0.5gb');
  });
});

describe('ensureByteSizeValue', () => {
  it('converts strings and numbers, keeps ByteSizeValue and undefined', () => {
    expect(ensureByteSizeValue('1kb')).toEqual(kb(1));
    expect(ensureByteSizeValue(1024)).toEqual(kb(1));
    const value = mb(1);
    expect(ensureByteSizeValue(value)).toBe(value);
    expect(ensureByteSizeValue(undefined)).toBeUndefined();
  });
});

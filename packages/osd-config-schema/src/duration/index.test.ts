import { duration as momentDuration } from 'moment';
import { ensureDuration, formatDuration } from '.';

const FORMAT_ERROR =
  "Failed to parse value as time value. Value must be a duration in milliseconds, or follow the format <count>[ms|s|m|h|d|w|M|Y] (e.g. '70ms', '5s', '3d', '1Y'), where the duration is a safe positive integer.";

describe('ensureDuration', () => {
  it.each([
    ['1000ms', 1000],
    ['30s', 30 * 1000],
    ['5m', 5 * 60 * 1000],
    ['12h', 12 * 3600 * 1000],
    ['2d', 2 * 24 * 3600 * 1000],
    ['1w', 7 * 24 * 3600 * 1000],
    ['0s', 0],
    ['1500', 1500],
    ['0', 0],
  ])('parses %s', (text, milliseconds) => {
    expect(ensureDuration(text).asMilliseconds()).toBe(milliseconds);
  });

  it('supports months and years', () => {
    expect(ensureDuration('1M')).toEqual(momentDuration(1, 'M'));
    expect(ensureDuration('1Y')).toEqual(momentDuration(1, 'y'));
  });

  it('converts numbers as milliseconds', () => {
    expect(ensureDuration(600).asMilliseconds()).toBe(600);
  });

  it('returns durations as they are', () => {
    const value = momentDuration(5, 's');
    expect(ensureDuration(value)).toBe(value);
  });

  it.each(['123foo', '123 456', '5 m', '5min', 'm', '', '01s', '-5s', '1.5s'])('rejects %j', (text) => {
    expect(() => ensureDuration(text)).toThrow(FORMAT_ERROR);
  });

  it.each([-1, 1.5, NaN, Infinity, Math.pow(2, 53)])('rejects the number %s', (value) => {
    expect(() => ensureDuration(value)).toThrow(
      'Value in milliseconds is expected to be a safe positive integer.'
    );
  });

  it('rejects negative or fractional numeric strings as non safe positive integers', () => {
    expect(() => ensureDuration('-1')).toThrow(
      'Value in milliseconds is expected to be a safe positive integer.'
    );
    expect(() => ensureDuration('1.5')).toThrow(
      'Value in milliseconds is expected to be a safe positive integer.'
    );
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0ms'],
    [100, '100ms'],
    [1500, '1500ms'],
    [1000, '1s'],
    [90 * 1000, '90s'],
    [5 * 60 * 1000, '5m'],
    [12 * 3600 * 1000, '12h'],
    [24 * 24 * 3600 * 1000, '24d'],
    [2147483647, '2147483647ms'],
  ])('renders %p ms as %p', (milliseconds, text) => {
    expect(formatDuration(momentDuration(milliseconds))).toBe(text);
  });
});

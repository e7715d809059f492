import { duration as momentDuration, isDuration } from 'moment';
import { schema } from '..';
import { validationErrorMessage } from '../__test_utils__/expect_error';

const { duration, object, contextRef, siblingRef } = schema;

describe('schema.duration', () => {
  it.each([
    ['123s', 123000],
    ['5m', 300000],
    ['12h', 43200000],
    ['30s', 30000],
    ['1000ms', 1000],
    ['123000', 123000],
    [123000, 123000],
    [0, 0],
  ])('converts %p', (value, milliseconds) => {
    const result = duration().validate(value);
    expect(isDuration(result)).toBe(true);
    expect(result.asMilliseconds()).toBe(milliseconds);
  });

  it('accepts moment durations', () => {
    const value = momentDuration(5, 'minutes');
    expect(duration().validate(value)).toEqual(value);
  });

  it('is required by default', () => {
    expect(validationErrorMessage(() => duration().validate(undefined))).toBe(
      'expected value of type [moment.Duration] but got [undefined]'
    );
    expect(validationErrorMessage(() => duration().validate(undefined, {}, 'foo-namespace'))).toBe(
      '[foo-namespace]: expected value of type [moment.Duration] but got [undefined]'
    );
  });

  it('rejects numbers that are not safe positive integers', () => {
    for (const value of [-123, NaN, Infinity, Math.pow(2, 53), 1.5]) {
      expect(validationErrorMessage(() => duration().validate(value))).toBe(
        'Value in milliseconds is expected to be a safe positive integer.'
      );
    }
  });

  it('rejects other types', () => {
    expect(validationErrorMessage(() => duration().validate([1, 2, 3]))).toBe(
      'expected value of type [moment.Duration] but got [Array]'
    );
    expect(validationErrorMessage(() => duration().validate(/abc/))).toBe(
      'expected value of type [moment.Duration] but got [RegExp]'
    );
  });

  it('rejects malformed strings, with their key path', () => {
    const message =
      "Failed to parse value as time value. Value must be a duration in milliseconds, or follow the format <count>[ms|s|m|h|d|w|M|Y] (e.g. '70ms', '5s', '3d', '1Y'), where the duration is a safe positive integer.";
    expect(validationErrorMessage(() => duration().validate('123foo'))).toBe(message);
    expect(validationErrorMessage(() => duration().validate('123 456'))).toBe(message);
    expect(validationErrorMessage(() => object({ interval: duration() }).validate({ interval: '5 min' }, {}, 'ns'))).toBe(
      `[ns.interval]: ${message}`
    );
  });

  describe('defaultValue', () => {
    it.each([
      ['a moment.Duration', momentDuration(1, 'hour'), 'PT1H'],
      ['a string', '1h', 'PT1H'],
      ['a string-formatted number', '600', 'PT0.6S'],
      ['a number', 600, 'PT0.6S'],
    ])('can be %s', (_, defaultValue, iso) => {
      expect(duration({ defaultValue }).validate(undefined).toISOString()).toBe(iso);
    });

    it('can be a function returning any of those', () => {
      expect(duration({ defaultValue: () => 600 }).validate(undefined).toISOString()).toBe('PT0.6S');
      expect(duration({ defaultValue: () => '1h' }).validate(undefined).toISOString()).toBe('PT1H');
      expect(duration({ defaultValue: () => momentDuration(1, 'hour') }).validate(undefined).toISOString()).toBe(
        'PT1H'
      );
    });

    it('can be a reference', () => {
      const type = object({
        source: duration({ defaultValue: '1h' }),
        target: duration({ defaultValue: siblingRef('source') }),
        fromContext: duration({ defaultValue: contextRef('val') }),
      });
      const result = type.validate({}, { val: momentDuration(2, 'hour') });
      expect(result.source.toISOString()).toBe('PT1H');
      expect(result.target.toISOString()).toBe('PT1H');
      expect(result.fromContext.toISOString()).toBe('PT2H');
    });

    it('rejects malformed defaults upfront', () => {
      expect(() => duration({ defaultValue: 'soon' })).toThrow('Failed to parse value as time value.');
    });
  });

  describe('min / max', () => {
    it('accept values within the limits, in any accepted form', () => {
      expect(duration({ min: '100ms' }).validate('1s').asMilliseconds()).toBe(1000);
      expect(duration({ min: 100 }).validate(100).asMilliseconds()).toBe(100);
      expect(duration({ max: '1s' }).validate('1000').asMilliseconds()).toBe(1000);
      expect(duration({ min: momentDuration(1, 's'), max: '1m' }).validate('30s').asSeconds()).toBe(30);
    });

    it('reject values out of the limits, naming the limit as an operator would write it', () => {
      expect(validationErrorMessage(() => duration({ min: '100ms' }).validate(0))).toBe(
        'Value must be equal to or greater than [100ms]'
      );
      expect(validationErrorMessage(() => duration({ min: 1000 }).validate('999ms'))).toBe(
        'Value must be equal to or greater than [1s]'
      );
      expect(validationErrorMessage(() => duration({ max: 2147483647 }).validate('25d'))).toBe(
        'Value must be equal to or less than [2147483647ms]'
      );
      expect(validationErrorMessage(() => duration({ max: '1h' }).validate('1M'))).toBe(
        'Value must be equal to or less than [1h]'
      );
    });

    it('prefix the key path, as every other failure does', () => {
      const type = object({ ops: object({ interval: duration({ min: '100ms' }) }) });
      expect(validationErrorMessage(() => type.validate({ ops: { interval: 0 } }, {}, 'root'))).toBe(
        '[root.ops.interval]: Value must be equal to or greater than [100ms]'
      );
    });

    it('leave defaults alone and still report malformed values as such', () => {
      expect(duration({ min: '1s', defaultValue: '5s' }).validate(undefined).asSeconds()).toBe(5);
      expect(validationErrorMessage(() => duration({ min: '1s' }).validate('soon'))).toContain(
        'Failed to parse value as time value.'
      );
    });

    it('reject malformed limits upfront', () => {
      expect(() => duration({ min: 'soon' })).toThrow('Failed to parse value as time value.');
    });
  });

  it('runs validate on the converted duration', () => {
    const type = duration({
      validate: (value) => (value.asSeconds() < 1 ? 'must be at least 1s' : undefined),
    });
    expect(type.validate('2s').asSeconds()).toBe(2);
    expect(validationErrorMessage(() => type.validate('10ms'))).toBe('must be at least 1s');
  });
});

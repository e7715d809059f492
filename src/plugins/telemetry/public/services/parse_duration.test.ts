import { parseDurationMs } from './parse_duration';

describe('parseDurationMs', () => {
  it.each([
    ['PT24H', 86400000],
    ['PT1M30S', 90000],
    ['PT0.5S', 500],
    ['P1D', 86400000],
    ['P1DT1H', 90000000],
    [1500, 1500],
  ])('%s is %d ms', (value, ms) => expect(parseDurationMs(value)).toBe(ms));

  it.each(['', 'P', 'PT', '24h', -1, Number.NaN])('refuses %p', (value) => expect(() => parseDurationMs(value as string)).toThrow('Not a duration'));
});

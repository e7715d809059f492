import { formatDuration } from './format_duration';

describe('formatDuration', () => {
  it('writes the two largest units', () => {
    expect(formatDuration(500)).toBe('500 ms');
    expect(formatDuration(90000)).toBe('1m 30s');
    expect(formatDuration(86400000)).toBe('1d');
    expect(formatDuration(90061000)).toBe('1d 1h');
  });
});

import { createDateFormatter, formatDate, timeZoneOffset } from './date_format';

const settings = (values: Record<string, unknown>) => ({
  get: (key: string) => {
    if (!(key in values)) throw new Error(`unknown ${key}`);
    return values[key] as any;
  },
});

// 2025-03-01T14:05:09.123Z
const AT = Date.UTC(2025, 2, 1, 14, 5, 9, 123);

describe('formatDate', () => {
  it('uses dateFormat in the zone of dateFormat:tz', () => {
    expect(formatDate(settings({ dateFormat: 'YYYY-MM-DD HH:mm:ss.SSS', 'dateFormat:tz': 'UTC' }), AT)).toBe('2025-03-01 14:05:09.123');
    expect(formatDate(settings({ dateFormat: 'YYYY-MM-DD HH:mm Z', 'dateFormat:tz': 'Asia/Kolkata' }), AT)).toBe('2025-03-01 19:35 +05:30');
    // Daylight saving time is the zone's rule at that instant.
    expect(formatDate(settings({ dateFormat: 'HH:mm', 'dateFormat:tz': 'America/New_York' }), Date.UTC(2025, 6, 1, 12))).toBe('08:00');
    expect(formatDate(settings({ dateFormat: 'HH:mm', 'dateFormat:tz': 'America/New_York' }), Date.UTC(2025, 0, 1, 12))).toBe('07:00');
  });

  it("uses upstream's defaults when the settings are not registered, and the browser's zone for Browser", () => {
    const local = new Date(2025, 2, 1, 14, 5, 9, 123).getTime();
    expect(formatDate(settings({}), local)).toBe('Mar 1, 2025 @ 14:05:09.123');
    expect(formatDate(settings({ dateFormat: '', 'dateFormat:tz': 'Browser' }), local)).toBe('Mar 1, 2025 @ 14:05:09.123');
  });

  it('takes ISO text and dates, and returns an unreadable time as given', () => {
    const utc = settings({ dateFormat: 'YYYY-MM-DD HH:mm', 'dateFormat:tz': 'UTC' });
    expect(formatDate(utc, '2025-03-01T14:05:00Z')).toBe('2025-03-01 14:05');
    expect(formatDate(utc, new Date(AT))).toBe('2025-03-01 14:05');
    expect(formatDate(utc, 'not a time')).toBe('not a time');
  });

  it("falls back to the browser's zone for a zone it does not know", () => {
    expect(timeZoneOffset('Nowhere/Special', new Date(AT))).toBeUndefined();
    const local = new Date(2025, 2, 1, 14, 5).getTime();
    expect(formatDate(settings({ dateFormat: 'HH:mm', 'dateFormat:tz': 'Nowhere/Special' }), local)).toBe('14:05');
  });

  it('reads the settings on every call, so a saved change shows at once', () => {
    const values: Record<string, unknown> = { dateFormat: 'YYYY', 'dateFormat:tz': 'UTC' };
    const format = createDateFormatter(settings(values));
    expect(format(AT)).toBe('2025');
    values.dateFormat = 'MM/DD';
    expect(format(AT)).toBe('03/01');
  });

  it('gives offsets of whole and half hours', () => {
    expect(timeZoneOffset('UTC', new Date(AT))).toBe('+00:00');
    expect(timeZoneOffset('America/St_Johns', new Date(Date.UTC(2025, 0, 1)))).toBe('-03:30');
  });
});

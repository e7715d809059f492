import { parseDuration } from './duration';

describe('parseDuration', () => {
  it('reads minutes, hours and days', () => {
    expect(parseDuration('30m')).toEqual({ ok: true, ms: 30 * 60_000 });
    expect(parseDuration('12h')).toEqual({ ok: true, ms: 12 * 3_600_000 });
    expect(parseDuration('1d')).toEqual({ ok: true, ms: 86_400_000 });
    expect(parseDuration('3650d')).toEqual({ ok: true, ms: 3650 * 86_400_000 });
  });

  it('refuses other shapes with a message naming the field', () => {
    for (const text of ['', '0d', '1', 'd', '1.5h', '-1d', '1 d', '1D', '10s', '1w', '01d', '1d2h']) {
      const result = parseDuration(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/^\[expiration\]: invalid duration/);
    }
    expect(parseDuration(86400, 'ttl')).toEqual({
      ok: false,
      message: '[ttl]: expected a duration such as [30m], [12h] or [1d]',
    });
  });

  it('caps at ten years', () => {
    expect(parseDuration('3651d')).toEqual({ ok: false, message: '[expiration]: must be at most 3650d' });
    expect(parseDuration('9999999h').ok).toBe(false);
  });
});

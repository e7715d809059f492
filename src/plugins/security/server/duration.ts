/*
 * API-key lifetimes: a positive whole number and one unit, `30m`, `12h` or `1d` (minutes, hours, days).
 * No seconds (a key living seconds is a mistake) and no months or years (their length varies); at most
 * 3650 days. Omitting the expiration gives a key that never expires.
 */
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const DURATION_PATTERN = /^([1-9]\d{0,6})([mhd])$/;
export const MAX_DURATION_MS = 3650 * UNIT_MS.d;

export type DurationResult = { ok: true; ms: number } | { ok: false; message: string };

export function parseDuration(value: unknown, field = 'expiration'): DurationResult {
  if (typeof value !== 'string') {
    return { ok: false, message: `[${field}]: expected a duration such as [30m], [12h] or [1d]` };
  }
  const match = DURATION_PATTERN.exec(value);
  if (!match) {
    return {
      ok: false,
      message: `[${field}]: invalid duration [${value.slice(0, 32)}]; use a whole number and m, h or d, e.g. [30m], [12h], [1d]`,
    };
  }
  const ms = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  if (ms > MAX_DURATION_MS) return { ok: false, message: `[${field}]: must be at most 3650d` };
  return { ok: true, ms };
}

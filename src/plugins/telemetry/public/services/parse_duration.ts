const UNIT_MS: Record<string, number> = { W: 604800000, D: 86400000, H: 3600000, M: 60000, S: 1000 };

/**
 * Milliseconds of a duration the server exposed: a number (ms) or ISO 8601 text as `moment` writes it
 * (`PT24H`, `PT1M30S`, `PT0.5S`, `P1D`). Pure; throws on anything else, naming the value.
 */
export function parseDurationMs(value: string | number): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  const match = typeof value === 'string' ? /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(value) : null;
  if (!match || value === 'P' || value === 'PT') throw new Error(`Not a duration: ${JSON.stringify(value)}`);
  const [, w, d, h, m, s] = match;
  const parts: Array<[string | undefined, string]> = [[w, 'W'], [d, 'D'], [h, 'H'], [m, 'M'], [s, 'S']];
  return Math.round(parts.reduce((total, [amount, unit]) => total + (amount ? Number(amount) * UNIT_MS[unit] : 0), 0));
}

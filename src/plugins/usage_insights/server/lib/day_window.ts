const DAY_MS = 24 * 60 * 60 * 1000;

export interface DayWindow {
  days: number;
  /** First UTC day (`YYYY-MM-DD`), inclusive. */
  from: string;
  /** Last UTC day (today), inclusive. */
  to: string;
  /** The day after `to`: the exclusive upper bound of a date-string range. */
  endExclusive: string;
  /** Every day from `from` to `to`, oldest first. */
  dates: string[];
}

const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The last `days` UTC days, today included. The one place the API decides what "last N days" means. */
export function dayWindow(days: number, now: number): DayWindow {
  const today = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate());
  const dates = Array.from({ length: days }, (_, i) => utcDay(today - (days - 1 - i) * DAY_MS));
  return { days, from: dates[0], to: dates[dates.length - 1], endExclusive: utcDay(today + DAY_MS), dates };
}

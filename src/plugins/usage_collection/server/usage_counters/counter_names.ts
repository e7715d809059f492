/*
 * The rules for the names of a usage counter, as pure functions: each says what is wrong with a value (or
 * nothing). They keep ids unambiguous: `<domainId>:<counterName>:<counterType>:<YYYY-MM-DD>`, where neither
 * the domain nor the type holds a `:`, so a name may (Kibana's names often do) and each id names one counter.
 */

export const MAX_DOMAIN_ID_LENGTH = 100;
export const MAX_COUNTER_NAME_LENGTH = 256;
export const MAX_COUNTER_TYPE_LENGTH = 100;

/** C0 controls, DEL and C1 controls: they corrupt logs and terminals and have no place in a name. */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

function nameProblem(value: unknown, max: number, separatorAllowed: boolean): string | undefined {
  if (typeof value !== 'string') return `must be a string, got ${value === null ? 'null' : typeof value}`;
  if (value.length === 0) return 'must not be empty';
  if ([...value].length > max) return `must be at most ${max} characters`;
  if (CONTROL_CHARACTERS.test(value)) return 'must not contain control characters';
  if (!separatorAllowed && value.includes(':')) return 'must not contain ":"';
  return undefined;
}

export const domainIdProblem = (value: unknown) => nameProblem(value, MAX_DOMAIN_ID_LENGTH, false);
export const counterNameProblem = (value: unknown) => nameProblem(value, MAX_COUNTER_NAME_LENGTH, true);
export const counterTypeProblem = (value: unknown) => nameProblem(value, MAX_COUNTER_TYPE_LENGTH, false);

/** An increment: a whole number from 0 to Number.MAX_SAFE_INTEGER (the store keeps counters exact). */
export function incrementByProblem(value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) return `must be a safe integer, got ${String(value)}`;
  if (value < 0) return `must not be negative, got ${value}`;
  return undefined;
}

/** The UTC day of `date`: `2026-12-05`. */
export const utcDay = (date: Date) => date.toISOString().slice(0, 10);

/** The UTC day `days` days before the day of `date` (0: that day). */
export function utcDayBefore(date: Date, days: number): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - days));
  return utcDay(day);
}

export interface UsageCounterKey {
  domainId: string;
  counterName: string;
  counterType: string;
  /** UTC day, `YYYY-MM-DD`. */
  date: string;
}

/** The saved-object id of one daily counter. */
export const usageCounterId = ({ domainId, counterName, counterType, date }: UsageCounterKey) =>
  `${domainId}:${counterName}:${counterType}:${date}`;

/** The saved-object id of one UI event's daily count (`ui-metric-daily`): `<appName>:<eventName>:<YYYY-MM-DD>`. */
export const uiMetricDailyId = (appName: string, eventName: string, date: string) => `${appName}:${eventName}:${date}`;

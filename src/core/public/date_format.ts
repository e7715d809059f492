/*
 * How the UI shows a time: `dateFormat` (moment.js tokens) in the zone of `dateFormat:tz`, upstream's two
 * settings. Zones are applied through the browser's `Intl` data, so no time-zone database is bundled.
 */
import moment from 'moment';
import type { IUiSettingsClient } from './ui_settings/types';

/** Upstream's defaults, used when the settings are not registered (a page without core's settings). */
export const DEFAULT_DATE_FORMAT = 'MMM D, YYYY @ HH:mm:ss.SSS';
export const BROWSER_TIME_ZONE = 'Browser';

/** What a formatter reads: `get` with a fallback, as `core.uiSettings` offers it. */
export type DateFormatSettings = Pick<IUiSettingsClient, 'get'>;

/** A time as the UI receives it: epoch milliseconds, an ISO text or a `Date`. */
export type DateInput = number | string | Date;

/** `+05:30`: the offset of `timeZone` from UTC at `date`, or undefined when the browser does not know the zone. */
export function timeZoneOffset(timeZone: string, date: Date): string | undefined {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    }).formatToParts(date);
  } catch {
    return undefined;
  }
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  // The wall-clock time there, read as if it were UTC, minus the instant (to the second) is the offset.
  const wallClock = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  const minutes = Math.round((wallClock - Math.floor(date.getTime() / 1000) * 1000) / 60000);
  if (!Number.isFinite(minutes)) return undefined;
  const abs = Math.abs(minutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The setting's value; the fallback when it is empty or not registered on this page. */
function read(settings: DateFormatSettings, key: string, fallback: string): string {
  try {
    const value = settings.get<string>(key);
    return typeof value === 'string' && value !== '' ? value : fallback;
  } catch {
    return fallback;
  }
}

/**
 * A time in the user's date format and zone. The settings are read on every call, so a saved change shows
 * on the next render. An unreadable time is returned as given (as text), never as "Invalid date".
 */
export function formatDate(settings: DateFormatSettings, value: DateInput): string {
  // Text goes through Date: moment's own text parsing warns (deprecated fallback) on unreadable input.
  const instant = moment(typeof value === 'string' ? new Date(value) : value);
  if (!instant.isValid()) return String(value);
  const pattern = read(settings, 'dateFormat', DEFAULT_DATE_FORMAT);
  const zone = read(settings, 'dateFormat:tz', BROWSER_TIME_ZONE);
  const offset = zone !== BROWSER_TIME_ZONE ? timeZoneOffset(zone, instant.toDate()) : undefined;
  return (offset ? instant.utcOffset(offset) : instant).format(pattern);
}

/** `formatDate` bound to one settings client, for components that format many times. */
export function createDateFormatter(settings: DateFormatSettings) {
  return (value: DateInput) => formatDate(settings, value);
}

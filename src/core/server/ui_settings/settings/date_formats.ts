import { schema } from '@osd/config-schema';
import type { UiSettingsParams } from '../types';

/** Upstream's default of `dateFormat`. */
export const DEFAULT_DATE_FORMAT = 'MMM D, YYYY @ HH:mm:ss.SSS';

/**
 * Zones upstream leaves out of its list because OpenSearch does not understand them (a query with one
 * would fail with a 400).
 */
const REFUSED_ZONES = new Set(['America/Nuuk', 'EST', 'HST', 'ROC', 'MST']);

/** True for a time zone name the runtime knows (IANA names, including aliases such as `US/Eastern`). */
export function isKnownTimeZone(name: string) {
  if (REFUSED_ZONES.has(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * The choices of `dateFormat:tz`: `Browser` (the zone the browser detects), `UTC`, then every zone the
 * runtime's ICU data lists. Upstream takes the list from moment-timezone; Node's `Intl` has the same IANA
 * data, so no extra dependency (and no time-zone data in the browser bundle) is needed.
 */
export function timeZoneOptions(): string[] {
  const supported = (Intl as { supportedValuesOf?(key: string): string[] }).supportedValuesOf?.('timeZone') ?? [];
  return ['Browser', 'UTC', ...supported.filter((zone) => zone !== 'UTC' && !REFUSED_ZONES.has(zone))];
}

/** `dateFormat` and `dateFormat:tz` under upstream's keys, defaults and descriptions (category general). */
export function getDateFormatSettings(): Record<string, UiSettingsParams> {
  const timezones = timeZoneOptions();
  return {
    dateFormat: {
      name: 'Date format',
      value: DEFAULT_DATE_FORMAT,
      description: 'When displaying a pretty formatted date, use this format (moment.js tokens: https://momentjs.com/docs/#/displaying/format/).',
      type: 'string',
      category: ['general'],
      schema: schema.string(),
    },
    'dateFormat:tz': {
      name: 'Timezone for date formatting',
      value: 'Browser',
      description: 'Which timezone should be used. "Browser" will use the timezone detected by your browser.',
      type: 'select',
      options: timezones,
      requiresPageReload: true,
      category: ['general'],
      schema: schema.string({
        validate: (value: string) => (value === 'Browser' || isKnownTimeZone(value) ? undefined : `Invalid timezone: ${value}`),
      }),
    },
  };
}

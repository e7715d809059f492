import type { UiSettingsParams } from '../types';
import { getDateFormatSettings } from './date_formats';
import { getThemeSettings } from './theme';
import { getTimepickerSettings } from './timepicker';

export { DARK_MODE_SETTING } from './theme';
export { DEFAULT_DATE_FORMAT, isKnownTimeZone, timeZoneOptions } from './date_formats';

/** The standard settings core registers itself, under upstream's keys. */
export function getCoreSettings(): Record<string, UiSettingsParams> {
  return { ...getThemeSettings(), ...getDateFormatSettings(), ...getTimepickerSettings() };
}

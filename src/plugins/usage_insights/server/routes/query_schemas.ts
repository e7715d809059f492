import { schema } from '@osd/config-schema';
import { DEFAULT_DAYS, DEFAULT_UI_EVENTS, MAX_DAYS, MAX_UI_EVENTS } from '../../common';

const wholeNumber = (value: number) => (Number.isInteger(value) ? undefined : 'must be a whole number');

/*
 * The query strings the API takes. Unknown keys are refused (400 naming the key), as are values outside the
 * bounds, so every answer is bounded by what the server chose.
 */

/** `days`: whole days, 1 to MAX_DAYS (the page offers 7, 30 and 90). */
export const daysQuery = schema.object({ days: schema.number({ min: 1, max: MAX_DAYS, defaultValue: DEFAULT_DAYS, validate: wholeNumber }) });

/** `limit`: how many UI events, 1 to MAX_UI_EVENTS. */
export const limitQuery = schema.object({ limit: schema.number({ min: 1, max: MAX_UI_EVENTS, defaultValue: DEFAULT_UI_EVENTS, validate: wholeNumber }) });

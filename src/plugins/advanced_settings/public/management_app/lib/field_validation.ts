/*
 * The browser's checks of an edited value, worded for people ("Must be 0 or more"). They come from what
 * reaches the page: the setting's type (a number, JSON) and its `validation`, which the server derives from
 * the setting's schema. Anything else (custom checks, text lengths) stays with the server, whose message
 * the field shows after Save.
 */
import type { UiSettingValidation } from '../../../../../core/public';
import type { FieldSetting } from '../types';

/** What the number editor reports besides its text: the browser's own `validity.badInput`. */
export interface NumberInput {
  text: string;
  /** The browser holds text it cannot read as a number (`1e`, `--2`): the input's value is then ''. */
  badInput?: boolean;
}

const quote = (text: string) => `"${text}"`;

/** "Must be a number" plus the words a number setting also takes, if any. */
function numberExpected(validation?: UiSettingValidation) {
  const words = validation?.allowedText ?? [];
  return words.length ? `Must be a number or ${words.map(quote).join(' or ')}` : 'Must be a number';
}

/** The bounds of a number, in words; undefined when `value` is within them. */
export function checkNumberBounds(value: number, validation: UiSettingValidation = {}): string | undefined {
  const { min, max, integer } = validation;
  if (integer && !Number.isInteger(value)) return 'Must be a whole number';
  if (min !== undefined && max !== undefined && (value < min || value > max)) return `Must be between ${min} and ${max}`;
  if (min !== undefined && value < min) return `Must be ${min} or more`;
  if (max !== undefined && value > max) return `Must be ${max} or less`;
  return undefined;
}

/**
 * Reads a number editor: the number (or one of the words the setting also takes), or the message to show. Text the browser cannot read as a number is
 * refused with a message (never turned into an empty value or 0).
 */
export function parseNumberInput({ text, badInput }: NumberInput, validation?: UiSettingValidation): { value: number | string } | { error: string } {
  const trimmed = text.trim();
  if (badInput || trimmed === '') return { error: numberExpected(validation) };
  if (validation?.allowedText?.includes(trimmed)) return { value: trimmed };
  const value = Number(trimmed);
  // `Infinity` is not a number JSON can carry: it would be saved as null (the default).
  if (!Number.isFinite(value)) return { error: numberExpected(validation) };
  const error = checkNumberBounds(value, validation);
  return error ? { error } : { value };
}

/** Checks a JSON editor's text; returns the message to show, or undefined. Empty text means "{}" or "[]". */
export function checkJson(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  try {
    JSON.parse(text);
    return undefined;
  } catch (e) {
    const detail = (e as Error).message.replace(/^JSON\.parse: /, '');
    return `Must be valid JSON (invalid JSON syntax: ${detail})`;
  }
}

/** Checks a select's value against its options (a value can only be off-list if stored by other means). */
export function checkOption(setting: Pick<FieldSetting, 'options' | 'optionLabels'>, value: unknown): string | undefined {
  const options = setting.options ?? [];
  if (!options.length || options.includes(String(value))) return undefined;
  return `Must be one of: ${options.map((o) => setting.optionLabels?.[o] ?? o).join(', ')}`;
}

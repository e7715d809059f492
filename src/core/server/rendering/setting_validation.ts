/*
 * What the browser may check of a setting's value before saving, derived from the setting's schema. Only
 * what a schema describes is derived: number bounds (`schema.number({ min, max })`) and the literal texts
 * a number setting also takes (`schema.oneOf([schema.number(...), schema.literal('Infinity')])`). Custom
 * `validate` functions and string lengths are code the browser cannot see: the server checks those and
 * its message is shown on the field after Save.
 */
import type { Type } from '@osd/config-schema';
import type { UiSettingValidation } from '../../public/ui_settings/types';
import type { PublicUiSettingsParams, UiSettingsParams } from '../ui_settings/types';

/** The part of joi's `describe()` read here. */
interface Description {
  type?: string;
  flags?: { only?: boolean };
  allow?: unknown[];
  rules?: Array<{ name: string; args?: { limit?: unknown } }>;
  /** `@osd/config-schema`'s `oneOf` members. */
  osdMembers?: Description[];
}

function describe(schema: Type<unknown>): Description | undefined {
  try {
    return (schema.getSchema() as { describe(): Description }).describe();
  } catch {
    return undefined;
  }
}

function numberRules(description: Description): UiSettingValidation {
  const out: UiSettingValidation = {};
  for (const rule of description.rules ?? []) {
    const limit = rule.args?.limit;
    if (rule.name === 'min' && typeof limit === 'number') out.min = limit;
    else if (rule.name === 'max' && typeof limit === 'number') out.max = limit;
    else if (rule.name === 'integer') out.integer = true;
  }
  return out;
}

const isLiteralText = (d: Description) => d.flags?.only === true && (d.allow ?? []).every((v) => typeof v === 'string');

/** The browser-side checks of one schema; undefined when nothing can be derived. */
export function deriveSettingValidation(schema: Type<unknown>): UiSettingValidation | undefined {
  const description = describe(schema);
  if (!description) return undefined;
  let validation: UiSettingValidation | undefined;
  if (description.type === 'number') {
    validation = numberRules(description);
  } else if (description.type === 'union' && description.osdMembers) {
    const numbers = description.osdMembers.filter((m) => m.type === 'number');
    const texts = description.osdMembers.filter(isLiteralText);
    // Only a plain "a number, or one of these words" union is understood; anything else stays server-side.
    if (numbers.length === 1 && numbers.length + texts.length === description.osdMembers.length) {
      validation = { ...numberRules(numbers[0]), allowedText: texts.flatMap((t) => t.allow as string[]) };
      if (!validation.allowedText!.length) delete validation.allowedText;
    }
  }
  return validation && Object.keys(validation).length ? validation : undefined;
}

/** Derives each schema's checks once; the schemas do not change after start. */
export function createValidationLookup(getSettings: () => Readonly<Record<string, Pick<UiSettingsParams, 'schema'>>>) {
  let cache: Record<string, UiSettingValidation> | undefined;
  return (): Readonly<Record<string, UiSettingValidation>> => {
    if (!cache) {
      cache = {};
      for (const [key, { schema }] of Object.entries(getSettings())) {
        const validation = deriveSettingValidation(schema);
        if (validation) cache[key] = validation;
      }
    }
    return cache;
  };
}

/** The registered settings with the derived checks attached (`validation`), as the page receives them. */
export function withValidation(
  defaults: Readonly<Record<string, PublicUiSettingsParams>>,
  validation: Readonly<Record<string, UiSettingValidation>>
) {
  const out: Record<string, PublicUiSettingsParams & { validation?: UiSettingValidation }> = {};
  for (const [key, params] of Object.entries(defaults)) out[key] = validation[key] ? { ...params, validation: validation[key] } : params;
  return out;
}

import type { PageUiSettingsParams, UiSettingsType, UserProvidedValue } from '../../../../../core/public';
import { FieldSetting } from '../types';

export const DEFAULT_CATEGORY = 'general';

const CATEGORY_NAMES: Record<string, string> = {
  general: 'General',
  timeline: 'Timeline',
  notifications: 'Notifications',
  visualizations: 'Visualizations',
  discover: 'Discover',
  dashboard: 'Dashboard',
  search: 'Search',
  accessibility: 'Accessibility',
  appearance: 'Appearance',
};

/** A category id as a heading: known ones by name, others capitalised. */
export function getCategoryName(category: string) {
  return CATEGORY_NAMES[category] ?? (category ? category.charAt(0).toUpperCase() + category.slice(1) : '');
}

/** `dateFormat:tz` → `date format tz`: what screen readers and the search box see. */
export function getAriaName(name = '') {
  return name
    .split(/[\s:_-]+|(?<=[a-z0-9])(?=[A-Z])/)
    .filter(Boolean)
    .map((word) => word.toLowerCase())
    .join(' ');
}

/** The type an editor is chosen by: the declared one, else guessed from the value. */
export function getValueType(def: PageUiSettingsParams, value: unknown): UiSettingsType {
  if (def.type) return def.type;
  const sample = def.value !== undefined ? def.value : value;
  if (Array.isArray(sample)) return 'array';
  if (typeof sample === 'boolean') return 'boolean';
  if (typeof sample === 'number') return 'number';
  return 'string';
}

/** A registered (or custom) setting as the form shows it. */
export function toEditableConfig(name: string, def: PageUiSettingsParams & UserProvidedValue, isCustom: boolean): FieldSetting {
  const value = def.userValue;
  return {
    name,
    displayName: def.name || name,
    ariaName: getAriaName(def.name || name),
    value,
    defVal: def.value,
    description: def.description,
    type: getValueType(def, value),
    options: def.options,
    optionLabels: def.optionLabels,
    category: def.category?.length ? def.category : [DEFAULT_CATEGORY],
    requiresPageReload: Boolean(def.requiresPageReload),
    readonly: Boolean(def.readonly),
    isOverridden: Boolean(def.isOverridden),
    isCustom,
    validation: def.validation,
  };
}

/** The value an editor starts from: the user value, else the default, in the editor's shape. */
export function getEditableValue(type: UiSettingsType, value: unknown, defVal?: unknown): any {
  const current = value === null || value === undefined ? defVal : value;
  switch (type) {
    case 'array':
      return Array.isArray(current) ? current.join(', ') : String(current ?? '');
    case 'boolean':
      return Boolean(current);
    case 'number': {
      if (typeof current !== 'string') return Number(current);
      // Text a number setting also takes ("Infinity"), or a stored value that is no number: shown as it is,
      // never turned into an empty editor.
      const number = Number(current);
      return current.trim() === '' || !Number.isFinite(number) ? current : number;
    }
    default:
      return current ?? '';
  }
}

/** True when the setting holds no user value. */
export function isDefaultValue(setting: FieldSetting) {
  return setting.isCustom || setting.value === undefined || setting.value === '' || String(setting.value) === String(setting.defVal);
}

/**
 * The value to send for an edit: arrays split on commas, empty JSON becomes `{}` or `[]`, and a value equal
 * to the default becomes `null` (the user value is removed).
 */
export function toSavedValue(setting: Pick<FieldSetting, 'type' | 'defVal'>, edited: any): any {
  const { type, defVal } = setting;
  let value = edited;
  let equalsDefault: boolean;
  switch (type) {
    case 'array': {
      const text = String(edited).trim();
      value = text === '' ? [] : text.split(',').map((v) => v.trim());
      equalsDefault = Array.isArray(defVal) && value.join(',') === defVal.join(',');
      break;
    }
    case 'json': {
      const isArray = Array.isArray(safeParse(typeof defVal === 'string' ? defVal : '{}'));
      value = String(edited).trim() || (isArray ? '[]' : '{}');
      equalsDefault = value === defVal;
      break;
    }
    default:
      equalsDefault = value === defVal;
  }
  return equalsDefault ? null : value;
}

const INVALID = Symbol('invalid');
function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return INVALID;
  }
}

/** Under the locked editor of a setting fixed by `uiSettings.overrides`. */
export const OVERRIDDEN_NOTE = 'This setting is overridden by the server config (opensearch_dashboards.yml) and cannot be changed.';

/**
 * Whether a setting's editor is locked, and the note that says why when the reason is the server config
 * (the row stays the normal one: title, description and the overriding value, shown but not editable).
 */
export function editorLock(setting: Pick<FieldSetting, 'isOverridden'>, { enableSaving, loading }: { enableSaving: boolean; loading?: boolean }) {
  return { disabled: Boolean(loading || setting.isOverridden || !enableSaving), note: setting.isOverridden ? OVERRIDDEN_NOTE : undefined };
}

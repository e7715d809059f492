import React from 'react';
import type { UiSettingsType, UiSettingValidation } from '../../../../core/public';

/** One setting as the form shows it. */
export interface FieldSetting {
  /** The setting key, e.g. `dateFormat:tz`. */
  name: string;
  displayName: string;
  /** The user value (undefined when the default applies). */
  value: unknown;
  defVal: unknown;
  description?: React.ReactNode;
  type: UiSettingsType;
  options?: string[];
  optionLabels?: Record<string, string>;
  category: string[];
  requiresPageReload: boolean;
  readonly: boolean;
  isOverridden: boolean;
  /** Stored by a user but registered by no plugin. */
  isCustom: boolean;
  /** Lower-cased, spaced form of the key, for screen readers and search. */
  ariaName: string;
  /** What the browser checks before saving (derived by the server from the setting's schema). */
  validation?: UiSettingValidation;
}

/** An edit not saved yet. */
export interface FieldState {
  value?: any;
  isInvalid?: boolean;
  /** Why it is invalid: the editor's own check or the server's message. */
  error?: string | null;
}

/** Key → value to store (`null` = back to the default). */
export type SettingsChanges = Record<string, any>;

import { Observable } from 'rxjs';

export type { UiSettingsType, PublicUiSettingsParams, UserProvidedValue } from '../../types';
import type { PublicUiSettingsParams, UserProvidedValue } from '../../types';

/**
 * The rules of a setting's value that the browser can check before saving, derived by the server from the
 * setting's schema (only what a schema can describe: number bounds, and the text a number setting also
 * takes). Advanced Settings words them for people; the server still checks every value.
 */
export interface UiSettingValidation {
  /** The smallest number accepted. */
  min?: number;
  /** The largest number accepted. */
  max?: number;
  /** Whole numbers only. */
  integer?: boolean;
  /** Texts a number setting accepts besides numbers (upstream's `'Infinity'` for toast lifetimes). */
  allowedText?: string[];
}

/** A registered setting as the page receives it: the public params plus the checks the browser can run. */
export type PageUiSettingsParams = PublicUiSettingsParams & { validation?: UiSettingValidation };

/** A setting with its current user value, as `getAll()` returns it. */
export type UiSettingsState = Record<string, PageUiSettingsParams & UserProvidedValue>;

/** One change of a setting's effective value. */
export interface UiSettingsChange<T = any> {
  key: string;
  newValue: T;
  oldValue: T;
}

/** A failed save; `message` is the server's. */
export interface UiSettingsUpdateError extends Error {
  key: string;
}

/** The browser's settings client: reads from a local copy, writes through the server. */
export interface IUiSettingsClient {
  /** The effective value: the user's, else the default. Throws for an unknown key without `defaultOverride`. */
  get<T = any>(key: string, defaultOverride?: T): T;
  /** The value now, then every time it changes. */
  get$<T = any>(key: string, defaultOverride?: T): Observable<T>;
  /** Every setting with its definition and user value (a copy). */
  getAll(): UiSettingsState;
  /** Saves a value; resolves false (and emits on `getUpdateErrors$`) when the server refuses it. */
  set(key: string, value: any): Promise<boolean>;
  /** Removes the user value, back to the default. */
  remove(key: string): Promise<boolean>;
  isDeclared(key: string): boolean;
  isDefault(key: string): boolean;
  /** A user value for a key no plugin registered. */
  isCustom(key: string): boolean;
  /** Fixed by `uiSettings.overrides` on the server: cannot be changed here. */
  isOverridden(key: string): boolean;
  /** Every local change, before the server answers. */
  getUpdate$<T = any>(): Observable<UiSettingsChange<T>>;
  /** Every change the server accepted. */
  getSaved$<T = any>(): Observable<UiSettingsChange<T>>;
  /** Every change the server refused (and that was rolled back). */
  getUpdateErrors$(): Observable<UiSettingsUpdateError>;
}

export type UiSettingsSetup = IUiSettingsClient;
export type UiSettingsStart = IUiSettingsClient;

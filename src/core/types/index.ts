/*
 * Types that both halves of the host share (types only: nothing here runs, so the browser bundle may import
 * it as freely as the server).
 */

/** What the build knows about itself; read from the root package.json. */
export interface PackageInfo {
  version: string;
  branch: string;
  buildNum: number;
  buildSha: string;
  dist: boolean;
}

export interface EnvMode {
  name: 'development' | 'production';
  dev: boolean;
  prod: boolean;
}

export type UiSettingsType = 'boolean' | 'string' | 'number' | 'select' | 'json' | 'array' | 'markdown' | 'image';

/** A registered advanced setting as the browser sees it: everything but the server's validation schema. */
export interface PublicUiSettingsParams<T = unknown> {
  name?: string;
  value?: T;
  description?: string;
  /** Categories it is listed under in Advanced Settings (first one wins). */
  category?: string[];
  type?: UiSettingsType;
  /** Choices for a `select`. */
  options?: string[];
  optionLabels?: Record<string, string>;
  requiresPageReload?: boolean;
  readonly?: boolean;
  sensitive?: boolean;
}

/** What the server stores for a key: the user's value, or the operator's override. */
export interface UserProvidedValue<T = unknown> {
  userValue?: T;
  isOverridden?: boolean;
}

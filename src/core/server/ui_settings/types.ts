import { Type } from '@osd/config-schema';

export type UiSettingsType = 'boolean' | 'string' | 'number' | 'select' | 'json' | 'array' | 'markdown' | 'image';

/** One registered advanced setting. */
export interface UiSettingsParams<T = unknown> {
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
  /** Every value a user sets is checked against this before it is stored. */
  schema: Type<T>;
}

export interface UserProvidedValue<T = unknown> {
  userValue?: T;
  isOverridden?: boolean;
}

/** A settings client bound to one saved-objects client (request-scoped or internal). */
export interface IUiSettingsClient {
  getRegistered(): Readonly<Record<string, PublicUiSettingsParams>>;
  get<T = any>(key: string): Promise<T>;
  getAll<T = any>(): Promise<Record<string, T>>;
  getUserProvided<T = any>(): Promise<Record<string, UserProvidedValue<T>>>;
  setMany(changes: Record<string, any>): Promise<void>;
  set(key: string, value: any): Promise<void>;
  remove(key: string): Promise<void>;
  removeMany(keys: string[]): Promise<void>;
  isOverridden(key: string): boolean;
  isSensitive(key: string): boolean;
}

/** A setting as the browser sees it: everything but the schema. */
export type PublicUiSettingsParams = Omit<UiSettingsParams, 'schema'>;

export interface UiSettingsServiceSetup {
  /** Registers settings; a key registered twice throws. Only during setup. */
  register(settings: Record<string, UiSettingsParams>): void;
}

export interface UiSettingsServiceStart {
  /** A client that reads and writes through the given saved-objects client. */
  asScopedToClient(savedObjectsClient: unknown): IUiSettingsClient;
}

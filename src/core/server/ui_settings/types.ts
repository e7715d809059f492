import { Type } from '@osd/config-schema';

import type { PublicUiSettingsParams, UserProvidedValue } from '../../types';

export type { UiSettingsType, PublicUiSettingsParams, UserProvidedValue } from '../../types';

/** One registered advanced setting: what the browser sees, plus the schema every user value must pass. */
export interface UiSettingsParams<T = unknown> extends PublicUiSettingsParams<T> {
  schema: Type<T>;
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


export interface UiSettingsServiceSetup {
  /** Registers settings; a key registered twice throws. Only during setup. */
  register(settings: Record<string, UiSettingsParams>): void;
}

export interface UiSettingsServiceStart {
  /** A client that reads and writes through the given saved-objects client. */
  asScopedToClient(savedObjectsClient: unknown): IUiSettingsClient;
}

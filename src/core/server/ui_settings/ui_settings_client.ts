import { Logger } from '../logging';
import { CannotOverrideError, UiSettingsLimitError, UiSettingsValidationError } from './ui_settings_errors';
import { displayKey, settingsCountProblem, userKeyProblem, userValueProblem } from './user_value_limits';
import { IUiSettingsClient, PublicUiSettingsParams, UiSettingsParams, UserProvidedValue } from './types';

/** The subset of the saved-objects client the settings need. */
export interface SettingsStore {
  get(type: string, id: string): Promise<{ attributes: Record<string, any>; version?: string }>;
  create(type: string, attributes: Record<string, any>, options: { id: string; overwrite?: boolean }): Promise<unknown>;
  update(type: string, id: string, attributes: Record<string, any>, options?: { version?: string }): Promise<unknown>;
}

export interface UiSettingsClientOptions {
  type: string;
  id: string;
  buildNum: number;
  store: SettingsStore;
  defaults: Record<string, UiSettingsParams>;
  overrides: Record<string, unknown>;
  log: Logger;
}

const statusOf = (e: any): number | undefined => e?.output?.statusCode ?? e?.statusCode;

/**
 * Reads and writes user values in one `config` saved object per version. Values are checked against the
 * setting's schema before they are written; overridden settings cannot be written at all.
 */
export class UiSettingsClient implements IUiSettingsClient {
  constructor(private readonly options: UiSettingsClientOptions) {}

  public getRegistered() {
    const out: Record<string, PublicUiSettingsParams> = {};
    for (const [key, { schema, ...rest }] of Object.entries(this.options.defaults)) out[key] = rest;
    return out;
  }

  public async get<T = any>(key: string): Promise<T> {
    return (await this.getAll())[key];
  }

  public async getAll<T = any>(): Promise<Record<string, T>> {
    const all: Record<string, any> = {};
    for (const [key, params] of Object.entries(this.options.defaults)) all[key] = params.value;
    for (const [key, { userValue }] of Object.entries(await this.getUserProvided())) {
      if (userValue !== undefined) all[key] = userValue;
    }
    return all;
  }

  /**
   * The stored values as upstream answers them: `buildNum` (of the stored object, or of this build when
   * nothing is stored yet, as upstream creates the object on first read), then every user value, then the
   * overrides marked `isOverridden`.
   */
  public async getUserProvided<T = any>(): Promise<Record<string, UserProvidedValue<T>>> {
    const { attributes } = await this.read();
    const out: Record<string, UserProvidedValue<any>> = { buildNum: { userValue: attributes.buildNum ?? this.options.buildNum } };
    for (const [key, userValue] of Object.entries(attributes)) {
      if (key === 'buildNum' || userValue === null || this.isOverridden(key)) continue;
      out[key] = { userValue };
    }
    for (const [key, userValue] of Object.entries(this.options.overrides)) {
      out[key] = { userValue: userValue as T, isOverridden: true };
    }
    return out;
  }

  public async setMany(changes: Record<string, any>) {
    for (const [key, value] of Object.entries(changes)) this.assertWritable(key, value);
    await this.write(changes);
  }

  public async set(key: string, value: any) {
    await this.setMany({ [key]: value });
  }

  public async remove(key: string) {
    await this.setMany({ [key]: null });
  }

  public async removeMany(keys: string[]) {
    await this.setMany(Object.fromEntries(keys.map((k) => [k, null])));
  }

  public isOverridden(key: string) {
    return Object.prototype.hasOwnProperty.call(this.options.overrides, key);
  }

  public isSensitive(key: string) {
    return Boolean(this.options.defaults[key]?.sensitive);
  }

  private assertWritable(key: string, value: unknown) {
    if (this.isOverridden(key)) throw new CannotOverrideError(key);
    if (key === 'buildNum') throw new UiSettingsValidationError('Unable to update "buildNum" because it is read-only');
    const params = this.options.defaults[key];
    if (params?.readonly) throw new UiSettingsValidationError(`Unable to update "${key}" because it is read-only`);
    // null removes the user value, falling back to the default.
    if (value === null) return;
    // Bounds first: the schema check below walks the value recursively.
    const problem = userKeyProblem(key) ?? userValueProblem(value);
    if (problem) throw new UiSettingsLimitError([key], `Unable to save ${displayKey(key)}: ${problem}`);
    if (!params) return;
    try {
      params.schema.validate(value, {}, `validation [${key}]`);
    } catch (e) {
      throw new UiSettingsValidationError((e as Error).message);
    }
  }

  private async read(): Promise<{ attributes: Record<string, any>; version?: string; exists: boolean }> {
    const { type, id, store } = this.options;
    try {
      const object = await store.get(type, id);
      return { attributes: object.attributes ?? {}, version: object.version, exists: true };
    } catch (e) {
      if (statusOf(e) === 404) return { attributes: {}, exists: false };
      throw e;
    }
  }

  /** Read-modify-write with the object's version; a concurrent writer makes us re-read, never lose its change. */
  private async write(changes: Record<string, any>, attempt = 1): Promise<void> {
    const { type, id, store, buildNum } = this.options;
    const current = await this.read();
    // Checked against what is stored now, on every attempt, so concurrent writers cannot pass the cap together.
    const tooMany = settingsCountProblem(current.attributes, changes);
    if (tooMany) throw new UiSettingsLimitError(tooMany.added, tooMany.message);
    try {
      if (!current.exists) {
        await store.create(type, { buildNum, ...changes }, { id });
      } else {
        await store.update(type, id, changes, { version: current.version });
      }
    } catch (e) {
      if (statusOf(e) === 409 && attempt < 5) {
        this.options.log.debug(`config object changed while writing; retrying (attempt ${attempt + 1})`);
        return this.write(changes, attempt + 1);
      }
      throw e;
    }
  }
}

import { concat, defer, Observable, of, Subject } from 'rxjs';
import { filter, map } from 'rxjs/operators';
import { HttpSetup } from '../http/types';
import {
  IUiSettingsClient,
  PageUiSettingsParams,
  UiSettingsChange,
  UiSettingsState,
  UiSettingsUpdateError,
  UserProvidedValue,
} from './types';

export const SETTINGS_API = '/api/opensearch-dashboards/settings';

export interface UiSettingsClientDeps {
  http: Pick<HttpSetup, 'post'>;
  defaults: Record<string, PageUiSettingsParams>;
  user: Record<string, UserProvidedValue>;
}

const clone = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)));

/**
 * Keeps a local copy of every setting (defaults from registration, user values from the page) so `get` is
 * synchronous. A `set` changes the copy at once and rolls it back if the server refuses the value.
 */
export class UiSettingsClient implements IUiSettingsClient {
  private readonly cache: UiSettingsState = {};
  private readonly update$ = new Subject<UiSettingsChange>();
  private readonly saved$ = new Subject<UiSettingsChange>();
  private readonly updateErrors$ = new Subject<UiSettingsUpdateError>();

  constructor(private readonly deps: UiSettingsClientDeps) {
    for (const [key, params] of Object.entries(deps.defaults)) this.cache[key] = clone(params);
    for (const [key, value] of Object.entries(deps.user)) this.cache[key] = { ...this.cache[key], ...clone(value) };
  }

  public getAll() {
    return clone(this.cache);
  }

  public get<T = any>(key: string, defaultOverride?: T): T {
    const declared = this.isDeclared(key);
    if (!declared && defaultOverride === undefined) {
      throw new Error(
        `Unexpected \`IUiSettingsClient.get("${key}")\` call on unrecognized configuration setting "${key}".\n` +
          'Setting an initial value via `IUiSettingsClient.set("${key}", value)` before attempting to retrieve it ' +
          'or providing a default value as the second parameter will prevent this error.'
      );
    }
    const entry = this.cache[key];
    const userValue = entry?.userValue;
    const defaultValue = defaultOverride !== undefined ? defaultOverride : entry?.value;
    const value = userValue === undefined || userValue === null ? defaultValue : userValue;
    const type = entry?.type;
    if (type === 'json' && typeof value === 'string') return JSON.parse(value);
    if (type === 'number' && typeof value === 'string') return parseFloat(value) as any;
    return value as T;
  }

  public get$<T = any>(key: string, defaultOverride?: T): Observable<T> {
    return concat(
      defer(() => of(this.get<T>(key, defaultOverride))),
      this.update$.pipe(
        filter((change) => change.key === key),
        map(() => this.get<T>(key, defaultOverride))
      )
    );
  }

  public set(key: string, value: any) {
    return this.update(key, value);
  }

  public remove(key: string) {
    return this.update(key, null);
  }

  public isDeclared(key: string) {
    return key in this.cache && 'value' in this.cache[key];
  }

  public isDefault(key: string) {
    const userValue = this.cache[key]?.userValue;
    return !this.isDeclared(key) || userValue === undefined || userValue === null;
  }

  public isCustom(key: string) {
    return key in this.cache && !('value' in this.cache[key]);
  }

  public isOverridden(key: string) {
    return Boolean(this.cache[key]?.isOverridden);
  }

  public getUpdate$<T = any>() {
    return this.update$.asObservable() as Observable<UiSettingsChange<T>>;
  }

  public getSaved$<T = any>() {
    return this.saved$.asObservable() as Observable<UiSettingsChange<T>>;
  }

  public getUpdateErrors$() {
    return this.updateErrors$.asObservable();
  }

  private async update(key: string, newValue: unknown): Promise<boolean> {
    if (this.isOverridden(key)) {
      throw new Error(`Unable to update "${key}" because its value is overridden by the OpenSearch Dashboards server`);
    }
    const previousUserValue = this.cache[key]?.userValue;
    if (previousUserValue === newValue || (newValue === null && previousUserValue === undefined && this.isDeclared(key))) {
      return true;
    }
    const oldValue = this.peek(key);
    this.setLocally(key, newValue);
    try {
      await this.deps.http.post(SETTINGS_API, { body: JSON.stringify({ changes: { [key]: newValue } }) });
      this.saved$.next({ key, newValue: this.peek(key), oldValue });
      return true;
    } catch (e) {
      this.setLocally(key, previousUserValue === undefined ? null : previousUserValue);
      const error = e as UiSettingsUpdateError;
      error.key = key;
      this.updateErrors$.next(error);
      return false;
    }
  }

  /** The raw effective value, without the type conversions of `get`. */
  private peek(key: string) {
    const entry = this.cache[key];
    return entry?.userValue ?? entry?.value;
  }

  private setLocally(key: string, newValue: unknown) {
    const oldValue = this.peek(key);
    const entry = { ...this.cache[key] };
    if (newValue === null) delete entry.userValue;
    else entry.userValue = newValue;
    if (!('value' in entry) && entry.userValue === undefined) delete this.cache[key];
    else this.cache[key] = entry;
    this.update$.next({ key, newValue: this.peek(key), oldValue });
  }
}

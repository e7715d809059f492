import { Type } from '@osd/config-schema';
import { get } from 'lodash';
import { BehaviorSubject, Observable } from 'rxjs';
import { ConfigError } from './config_error';
import { Env } from './env';
import { flattenKeys, KeySources, RawConfig, sourceOf } from './raw_config';

export type ConfigPath = string | string[];

const toKey = (path: ConfigPath) => (Array.isArray(path) ? path.join('.') : path);

/** A core service's or plugin's config declaration: the schema that guards `path`. */
export interface ServiceConfigDescriptor<T = unknown> {
  path: ConfigPath;
  schema: Type<T>;
}

/**
 * Holds the raw config (files + overrides) and the schema registered for each path. `validate` checks all of
 * them at once at start-up, then refuses any key that no schema claimed, so a typo never passes silently.
 */
export class ConfigService {
  private readonly schemas = new Map<string, Type<unknown>>();
  private readonly handledPaths = new Set<string>();
  private readonly validated = new Map<string, BehaviorSubject<unknown>>();
  private validatedOnce = false;

  constructor(
    private readonly raw: RawConfig,
    private readonly sources: KeySources,
    private readonly env: Env
  ) {}

  public setSchema(path: ConfigPath, schema: Type<unknown>) {
    const key = toKey(path);
    if (this.schemas.has(key)) {
      throw new Error(`Validation schema for [${key}] was already registered.`);
    }
    this.schemas.set(key, schema);
  }

  /** Claims a path without a schema (for example the config of a disabled plugin). */
  public markHandled(path: ConfigPath) {
    this.handledPaths.add(toKey(path));
  }

  /** `<path>.enabled`, read from the raw config (default true); the key counts as handled. */
  public isEnabledAtPath(path: ConfigPath): boolean {
    const key = toKey(path);
    this.handledPaths.add(`${key}.enabled`);
    const value = get(this.raw, [...key.split('.'), 'enabled']);
    if (value === undefined) return true;
    if (value === false || value === 'false') return false;
    if (value === true || value === 'true') return true;
    throw this.errorFor(`${key}.enabled`, `[${key}.enabled]: expected value of type [boolean] but got [${typeof value}]`);
  }

  public getRawConfig(): RawConfig {
    return this.raw;
  }

  /** Validates every registered path, then rejects keys nobody declared. Throws a `ConfigError`. */
  public validate() {
    const context = {
      dev: this.env.mode.dev,
      prod: this.env.mode.prod,
      version: this.env.packageInfo.version,
      branch: this.env.packageInfo.branch,
      buildNum: this.env.packageInfo.buildNum,
      buildSha: this.env.packageInfo.buildSha,
      dist: this.env.packageInfo.dist,
    };
    for (const [key, schema] of this.schemas) {
      let value: unknown;
      try {
        value = schema.validate(get(this.raw, key.split('.')), context, key);
      } catch (e) {
        const message = (e as Error).message;
        const failedKey = /^\[([^\]]+)\]/.exec(message)?.[1] ?? key;
        throw this.errorFor(failedKey, message);
      }
      const existing = this.validated.get(key);
      if (existing) existing.next(value);
      else this.validated.set(key, new BehaviorSubject(value));
    }
    const unknown = flattenKeys(this.raw).filter((leaf) => !this.isClaimed(leaf));
    if (unknown.length > 0) {
      const detail = unknown
        .map((k) => `"${k}"${sourceOf(this.sources, k) ? ` (set in ${sourceOf(this.sources, k)})` : ''}`)
        .join(', ');
      throw new ConfigError(`Unknown configuration key(s): ${detail}. Check for spelling errors and ensure that the plugin that declares them is installed and enabled.`);
    }
    this.validatedOnce = true;
  }

  /** The validated value at `path`; only after `validate()`. */
  public atPathSync<T>(path: ConfigPath): T {
    return this.subjectAt(path).getValue() as T;
  }

  public atPath<T>(path: ConfigPath): Observable<T> {
    return this.subjectAt(path).asObservable() as Observable<T>;
  }

  /**
   * A `ConfigError` for a problem with `key` found after validation (e.g. `path.data` is not writable): the
   * message gets the same suffix as schema errors, naming the file that set the key (or saying none did).
   */
  public errorFor(key: string, message: string) {
    const source = sourceOf(this.sources, key);
    return new ConfigError(
      `${message}${source ? ` (config key [${key}] set in ${source})` : ` (config key [${key}] is not set in any config file)`}`
    );
  }

  private subjectAt(path: ConfigPath) {
    const key = toKey(path);
    const subject = this.validated.get(key);
    if (!subject) {
      throw new Error(
        this.validatedOnce || this.schemas.has(key)
          ? `No validated config at [${key}]: the config has not been validated yet.`
          : `No config schema registered for [${key}].`
      );
    }
    return subject;
  }

  private isClaimed(leaf: string) {
    const claims = [...this.schemas.keys(), ...this.handledPaths];
    return claims.some((p) => leaf === p || leaf.startsWith(p + '.'));
  }
}

import { schema } from '@osd/config-schema';
import { Logger } from '../logging';
import { getCoreSettings } from './settings';
import { UiSettingsClient, SettingsStore } from './ui_settings_client';
import { UiSettingsParams, UiSettingsServiceSetup, UiSettingsServiceStart, IUiSettingsClient } from './types';

export interface UiSettingsServiceOptions {
  logger: Logger;
  version: string;
  buildNum: number;
  overrides: Record<string, unknown>;
}

/** The saved-object type that holds user values, one object per version, as upstream. */
export const CONFIG_TYPE = 'config';

export const configSavedObjectType = {
  name: CONFIG_TYPE,
  hidden: false,
  namespaceType: 'single' as const,
  mappings: { dynamic: false as const, properties: { buildNum: { type: 'keyword' } } },
};

/**
 * Collects setting registrations in setup; in start, checks every default and every override against its
 * schema (so a bad registration or a bad `uiSettings.overrides` stops start-up) and hands out clients.
 */
export class UiSettingsService {
  private readonly defaults: Record<string, UiSettingsParams> = {};
  private started = false;

  constructor(private readonly options: UiSettingsServiceOptions) {}

  /** Registers core's own settings (upstream's keys), then hands out `register` for the plugins. */
  public setup(): UiSettingsServiceSetup {
    const register = (settings: Record<string, UiSettingsParams>) => {
      if (this.started) throw new Error('uiSettings.register must be called during setup.');
      for (const [key, params] of Object.entries(settings)) {
        if (this.defaults[key]) throw new Error(`uiSettings for the key [${key}] has been already registered`);
        if (!params || !params.schema || typeof (params.schema as any).validate !== 'function') {
          throw new Error(`Validation schema is not provided for [${key}] UI Setting`);
        }
        this.defaults[key] = params;
      }
    };
    register({
      // Every answer carries it as upstream's; declared read-only so pages do not list it as a custom setting.
      buildNum: { value: this.options.buildNum, type: 'number', readonly: true, schema: schema.number() },
      ...getCoreSettings(),
    });
    return { register };
  }

  public start(): UiSettingsServiceStart {
    for (const [key, params] of Object.entries(this.defaults)) {
      try {
        params.schema.validate(params.value, {}, `ui settings defaults [${key}]`);
      } catch (e) {
        throw new Error(`Invalid default of UI setting [${key}]: ${(e as Error).message}`);
      }
    }
    for (const [key, value] of Object.entries(this.options.overrides)) {
      const params = this.defaults[key];
      if (!params) continue;
      try {
        params.schema.validate(value, {}, `ui settings overrides [${key}]`);
      } catch (e) {
        throw new Error(`Invalid uiSettings.overrides value for [${key}]: ${(e as Error).message}`);
      }
    }
    this.started = true;
    return { asScopedToClient: (client) => this.createClient(client as SettingsStore) };
  }

  public getRegisteredDefaults(): Readonly<Record<string, UiSettingsParams>> {
    return this.defaults;
  }

  private createClient(store: SettingsStore): IUiSettingsClient {
    return new UiSettingsClient({
      type: CONFIG_TYPE,
      id: this.options.version,
      buildNum: this.options.buildNum,
      store,
      defaults: this.defaults,
      overrides: this.options.overrides,
      log: this.options.logger,
    });
  }
}

import { getCoreSettings, isKnownTimeZone, timeZoneOptions } from '.';
import { UiSettingsService } from '../ui_settings_service';

const log = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, fatal() {}, get: () => log } as any;
const settings = getCoreSettings();
const validate = (key: string, value: unknown) => settings[key].schema.validate(value, {}, `validation [${key}]`);

describe("core's standard settings", () => {
  it("registers upstream's keys, defaults, types and categories", () => {
    expect(settings['theme:darkMode']).toMatchObject({ value: false, type: 'boolean', requiresPageReload: true, category: ['appearance'] });
    expect(settings.dateFormat).toMatchObject({ value: 'MMM D, YYYY @ HH:mm:ss.SSS', category: ['general'] });
    expect(settings['dateFormat:tz']).toMatchObject({ value: 'Browser', type: 'select', requiresPageReload: true });
    expect(settings['timepicker:timeDefaults']).toMatchObject({ type: 'json', requiresPageReload: true });
    expect(JSON.parse(settings['timepicker:timeDefaults'].value as string)).toEqual({ from: 'now-15m', to: 'now' });
    for (const [key, params] of Object.entries(settings)) expect(() => validate(key, params.value)).not.toThrow();
  });

  it('offers Browser, UTC and the IANA zones for dateFormat:tz, and refuses others', () => {
    const options = settings['dateFormat:tz'].options!;
    expect(options.slice(0, 2)).toEqual(['Browser', 'UTC']);
    expect(options).toEqual(expect.arrayContaining(['Europe/Paris', 'America/New_York', 'Asia/Tokyo']));
    expect(options).toEqual(timeZoneOptions());
    for (const zone of ['Browser', 'UTC', 'Europe/Berlin', 'US/Eastern']) expect(() => validate('dateFormat:tz', zone)).not.toThrow();
    expect(() => validate('dateFormat:tz', 'Mars/Olympus')).toThrow('Invalid timezone: Mars/Olympus');
    // Upstream leaves these out: OpenSearch refuses them.
    expect(isKnownTimeZone('EST')).toBe(false);
    expect(options).not.toContain('EST');
  });

  it('validates timepicker:timeDefaults as { from, to } JSON', () => {
    expect(() => validate('timepicker:timeDefaults', '{ "from": "now-1h", "to": "now" }')).not.toThrow();
    expect(() => validate('timepicker:timeDefaults', '{ "from": 1, "to": "now" }')).toThrow('.from]: expected value of type [string]');
    expect(() => validate('timepicker:timeDefaults', '{ "from": "now" }')).toThrow('.to]: expected value of type [string]');
    expect(() => validate('timepicker:timeDefaults', 'now-15m')).toThrow();
    expect(() => validate('dateFormat', 42)).toThrow();
    expect(() => validate('theme:darkMode', 'yes')).toThrow();
  });

  it('are registered by the ui settings service with buildNum (read-only), so a plugin cannot take their keys', () => {
    const service = new UiSettingsService({ logger: log, version: '2.19.0', buildNum: 42, overrides: {} });
    const setup = service.setup();
    expect(() => setup.register({ dateFormat: { value: 'x', schema: settings.dateFormat.schema } })).toThrow(
      'uiSettings for the key [dateFormat] has been already registered'
    );
    const defaults = service.getRegisteredDefaults();
    expect(defaults.buildNum).toMatchObject({ value: 42, readonly: true });
    expect(Object.keys(defaults)).toEqual(expect.arrayContaining(['theme:darkMode', 'dateFormat', 'dateFormat:tz', 'timepicker:timeDefaults']));
    expect(() => service.start()).not.toThrow();
  });

  it('checks an override of a core setting against its schema at start', () => {
    const service = new UiSettingsService({ logger: log, version: '2.19.0', buildNum: 1, overrides: { 'dateFormat:tz': 'Mars/Olympus' } });
    service.setup();
    expect(() => service.start()).toThrow('Invalid uiSettings.overrides value for [dateFormat:tz]');
  });
});

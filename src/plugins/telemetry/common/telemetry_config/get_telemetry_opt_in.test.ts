import { getTelemetryOptIn, type GetTelemetryOptInConfig } from './get_telemetry_opt_in';
import type { TelemetrySavedObject } from './types';

interface Case {
  enabled?: boolean | null;
  lastVersionChecked?: unknown;
  current?: string;
  savedObject?: 'missing' | 'forbidden';
  configOptIn?: boolean | null;
  allowChanging?: boolean;
}

function decide(testCase: Case) {
  // Defaults only for keys left out: an explicit `undefined` is a case of its own.
  const { enabled, lastVersionChecked, current, savedObject, configOptIn, allowChanging } = {
    enabled: true,
    lastVersionChecked: '8.0.0',
    current: '8.0.0',
    configOptIn: null,
    allowChanging: true,
    ...testCase,
  };
  const telemetrySavedObject: TelemetrySavedObject =
    savedObject === 'missing' ? null : savedObject === 'forbidden' ? false : ({ enabled, lastVersionChecked } as TelemetrySavedObject);
  const config: GetTelemetryOptInConfig = {
    telemetrySavedObject,
    currentOpenSearchDashboardsVersion: current,
    allowChangingOptInStatus: allowChanging,
    configTelemetryOptIn: configOptIn,
  };
  return getTelemetryOptIn(config);
}

describe('getTelemetryOptIn', () => {
  it('is undecided (null) without a saved object and without telemetry.optIn', () => {
    expect(decide({ savedObject: 'missing' })).toBeNull();
  });

  it('is opted out when the saved object is forbidden', () => {
    expect(decide({ savedObject: 'forbidden' })).toBe(false);
  });

  it('is undecided when the saved object holds no choice', () => {
    expect(decide({ enabled: null })).toBeNull();
    expect(decide({ enabled: undefined })).toBeNull();
  });

  it('is opted in when the saved object says so', () => {
    expect(decide({ enabled: true })).toBe(true);
  });

  it('falls back to telemetry.optIn when nobody chose yet', () => {
    expect(decide({ savedObject: 'missing', configOptIn: true })).toBe(true);
    expect(decide({ savedObject: 'missing', configOptIn: false })).toBe(false);
    expect(decide({ enabled: null, configOptIn: true })).toBe(true);
  });

  it('lets a saved choice override an unlocked telemetry.optIn', () => {
    expect(decide({ enabled: false, configOptIn: true })).toBe(false);
    expect(decide({ enabled: true, configOptIn: false })).toBe(true);
  });

  it('locks in both directions: a config value with changes not allowed beats any saved choice', () => {
    expect(decide({ enabled: true, configOptIn: false, allowChanging: false })).toBe(false);
    expect(decide({ enabled: false, configOptIn: true, allowChanging: false })).toBe(true);
    expect(decide({ savedObject: 'forbidden', configOptIn: true, allowChanging: false })).toBe(true);
    expect(decide({ savedObject: 'missing', configOptIn: false, allowChanging: false })).toBe(false);
  });

  it('keeps the saved choice when locked without a config value', () => {
    expect(decide({ enabled: true, allowChanging: false })).toBe(true);
    expect(decide({ savedObject: 'missing', allowChanging: false })).toBeNull();
  });

  // Upstream's table: the result of a saved `false` by last checked and current version; `true` always
  // stays true, and `null`/`undefined` always stay undecided, whatever the versions.
  const optedOutTable: Array<[unknown, string, boolean | null]> = [
    ['8.0.0', '8.0.0', false],
    ['8.0.0', '8.0.1', false],
    ['8.0.1', '8.0.0', false],
    ['8.0.0', '8.1.0', null],
    ['8.0.0', '9.0.0', null],
    ['8.0.0', '7.0.0', false],
    ['8.1.0', '8.0.0', false],
    ['8.0.0-X', '8.0.0', false],
    ['8.0.0', '8.0.0-X', false],
    [null, '8.0.0', null],
    [undefined, '8.0.0', null],
    [5, '8.0.0', null],
    ['8.0.0', 'beta', null],
    ['beta', '8.0.0', null],
    ['beta', 'beta', false],
    ['BETA', 'beta', null],
  ];
  const table = optedOutTable.flatMap(([last, current, result]) => [
    { enabled: false, last, current, result },
    { enabled: true, last, current, result: true },
    { enabled: null, last, current, result: null },
    { enabled: undefined, last, current, result: null },
  ]);

  it.each(table)('enabled $enabled, last checked $last, current $current → $result', ({ enabled, last, current, result }) => {
    expect(decide({ enabled, lastVersionChecked: last, current: current as string })).toBe(result);
  });
});

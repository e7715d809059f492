import { readTelemetryEnvironment } from './environment';

describe('readTelemetryEnvironment', () => {
  it('is neutral for an empty environment', () => {
    expect(readTelemetryEnvironment({})).toEqual({ debug: false });
  });

  it('forces an opt-out on DO_NOT_TRACK or OSD_TELEMETRY_DISABLED, naming the variable', () => {
    expect(readTelemetryEnvironment({ DO_NOT_TRACK: '1' })).toEqual({ forcedOptOutBy: 'DO_NOT_TRACK', debug: false });
    expect(readTelemetryEnvironment({ OSD_TELEMETRY_DISABLED: 'true' })).toEqual({ forcedOptOutBy: 'OSD_TELEMETRY_DISABLED', debug: false });
    expect(readTelemetryEnvironment({ DO_NOT_TRACK: '1', OSD_TELEMETRY_DISABLED: '1' }).forcedOptOutBy).toBe('DO_NOT_TRACK');
  });

  it.each(['0', 'false', 'FALSE', 'no', 'off', '', '  '])('treats %p as unset', (value) => {
    expect(readTelemetryEnvironment({ DO_NOT_TRACK: value, OSD_TELEMETRY_DEBUG: value })).toEqual({ debug: false });
  });

  it('turns on debug with OSD_TELEMETRY_DEBUG', () => {
    expect(readTelemetryEnvironment({ OSD_TELEMETRY_DEBUG: '1' })).toEqual({ debug: true });
  });
});

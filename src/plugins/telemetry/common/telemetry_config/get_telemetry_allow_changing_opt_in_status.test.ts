import { getTelemetryAllowChangingOptInStatus } from './get_telemetry_allow_changing_opt_in_status';

describe('getTelemetryAllowChangingOptInStatus', () => {
  it('uses the config when the saved object is missing, forbidden or has no value', () => {
    for (const telemetrySavedObject of [null, false, {}]) {
      expect(getTelemetryAllowChangingOptInStatus({ telemetrySavedObject, configTelemetryAllowChangingOptInStatus: true })).toBe(true);
    }
  });

  it('lets a saved value lock an unlocked config', () => {
    expect(
      getTelemetryAllowChangingOptInStatus({ telemetrySavedObject: { allowChangingOptInStatus: false }, configTelemetryAllowChangingOptInStatus: true })
    ).toBe(false);
  });

  it('never lets a saved value unlock a config lock', () => {
    expect(
      getTelemetryAllowChangingOptInStatus({ telemetrySavedObject: { allowChangingOptInStatus: true }, configTelemetryAllowChangingOptInStatus: false })
    ).toBe(false);
  });
});

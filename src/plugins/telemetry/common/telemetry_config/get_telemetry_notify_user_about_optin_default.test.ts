import { getNotifyUserAboutOptInDefault } from './get_telemetry_notify_user_about_optin_default';

describe('getNotifyUserAboutOptInDefault', () => {
  const notify = (overrides: Partial<Parameters<typeof getNotifyUserAboutOptInDefault>[0]>) =>
    getNotifyUserAboutOptInDefault({
      allowChangingOptInStatus: true,
      telemetrySavedObject: { userHasSeenNotice: false },
      telemetryOptedIn: true,
      configTelemetryOptIn: true,
      ...overrides,
    });

  it('is true for a deployment opted in by config whose admins have not seen the notice', () => {
    expect(notify({})).toBe(true);
    expect(notify({ telemetrySavedObject: null })).toBe(true);
  });

  it('is false when changes are not allowed', () => {
    expect(notify({ allowChangingOptInStatus: false, telemetrySavedObject: null })).toBe(false);
    expect(notify({ allowChangingOptInStatus: false, telemetryOptedIn: false, configTelemetryOptIn: false })).toBe(false);
  });

  it('is false once the notice was seen', () => {
    expect(notify({ telemetrySavedObject: { userHasSeenNotice: true } })).toBe(false);
    expect(notify({ telemetrySavedObject: { userHasSeenNotice: true }, telemetryOptedIn: false, configTelemetryOptIn: false })).toBe(false);
  });

  it('is false when opted out, by choice or by config, or undecided', () => {
    expect(notify({ telemetryOptedIn: false })).toBe(false);
    expect(notify({ telemetryOptedIn: false, configTelemetryOptIn: false })).toBe(false);
    expect(notify({ configTelemetryOptIn: false })).toBe(false);
    expect(notify({ configTelemetryOptIn: null, telemetryOptedIn: null })).toBe(false);
  });
});

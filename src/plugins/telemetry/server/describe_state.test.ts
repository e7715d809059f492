import { describeTelemetryState } from './describe_state';
import type { OptInState } from './opt_in_state';

const state = (overrides: Partial<OptInState> = {}): OptInState => ({
  optIn: true,
  level: overrides.optIn === undefined || overrides.optIn === true ? 'full' : 'off',
  reason: 'admin_choice',
  allowChangingOptInStatus: true,
  sendUsageFrom: 'server',
  notifyUserAboutOptInDefault: false,
  ...overrides,
});
const describe_ = (s: OptInState, environment = { debug: false } as { debug: boolean; forcedOptOutBy?: 'DO_NOT_TRACK' }) =>
  describeTelemetryState(s, { environment, url: 'http://127.0.0.1:1/send', reportInterval: '1d' });

describe('describeTelemetryState', () => {
  it('says what will happen, for each state', () => {
    expect(describe_(state())).toBe('Telemetry is opted in: one report every 1d, sent to http://127.0.0.1:1/send.');
    expect(describe_(state(), { debug: true })).toContain('logged (OSD_TELEMETRY_DEBUG), not sent');
    expect(describeTelemetryState(state(), { environment: { debug: false }, url: 'u', reportInterval: '1d', generateOnly: true })).toBe(
      'Telemetry is opted in: one report every 1d, generated and kept in the report ledger (telemetry.generateOnly), never sent.'
    );
    expect(describe_(state({ optIn: null }))).toBe('Telemetry is not decided yet: nothing is sent until an admin opts in.');
    expect(describe_(state({ optIn: false, allowChangingOptInStatus: false, lockedBy: 'config' }))).toBe(
      'Telemetry is opted out (locked by the config). Nothing is sent.'
    );
    expect(describe_(state({ sendUsageFrom: 'browser' }))).toContain('sent by the browser');
    expect(describe_(state(), { debug: false, forcedOptOutBy: 'DO_NOT_TRACK' })).toBe('Telemetry is off: DO_NOT_TRACK is set. Nothing is sent.');
    expect(
      describeTelemetryState(state(), { environment: { debug: false }, url: 'u', reportInterval: '1d', activeFailures: 3, currentVersion: '2.19.0', failurePause: '1d' })
    ).toBe(
      'Telemetry is opted in: one report every 1d, sent to u. The last 3 sends on 2.19.0 failed; this restart ends their pause: the next check tries again, and another failure pauses sending for 1d.'
    );
  });
});

import { getTelemetryFailureDetails } from './get_telemetry_failure_details';

describe('getTelemetryFailureDetails', () => {
  it('defaults to no failure without a saved object', () => {
    expect(getTelemetryFailureDetails({ telemetrySavedObject: null })).toStrictEqual({ failureCount: 0, failureVersion: undefined });
    expect(getTelemetryFailureDetails({ telemetrySavedObject: false })).toStrictEqual({ failureCount: 0, failureVersion: undefined });
  });

  it('reads the count and the version', () => {
    expect(getTelemetryFailureDetails({ telemetrySavedObject: { reportFailureCount: 12, reportFailureVersion: '8.0.0' } })).toStrictEqual({
      failureCount: 12,
      failureVersion: '8.0.0',
    });
  });

  it.each([null, undefined, 'not_a_number', NaN])('treats a malformed count (%p) as 0', (reportFailureCount) => {
    expect(getTelemetryFailureDetails({ telemetrySavedObject: { reportFailureCount, reportFailureVersion: '8.0.0' } as any })).toStrictEqual({
      failureCount: 0,
      failureVersion: '8.0.0',
    });
  });

  it.each([null, undefined, 123])('treats a malformed version (%p) as undefined', (reportFailureVersion) => {
    expect(getTelemetryFailureDetails({ telemetrySavedObject: { reportFailureCount: 0, reportFailureVersion } as any })).toStrictEqual({
      failureCount: 0,
      failureVersion: undefined,
    });
  });
});

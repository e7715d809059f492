import { getTelemetrySendUsageFrom } from './get_telemetry_send_usage_from';
import type { TelemetrySavedObject } from './types';

describe('getTelemetrySendUsageFrom', () => {
  it('uses the config when the saved object is missing, forbidden or has no value', () => {
    const savedObjects: TelemetrySavedObject[] = [null, false, {}, { sendUsageFrom: undefined }, { sendUsageFrom: 'elsewhere' as any }];
    for (const telemetrySavedObject of savedObjects) {
      expect(getTelemetrySendUsageFrom({ telemetrySavedObject, configTelemetrySendUsageFrom: 'browser' })).toBe('browser');
    }
  });

  it('uses the saved value when there is one', () => {
    expect(getTelemetrySendUsageFrom({ telemetrySavedObject: { sendUsageFrom: 'server' }, configTelemetrySendUsageFrom: 'browser' })).toBe('server');
  });
});

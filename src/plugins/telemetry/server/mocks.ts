/*
 * Typed mocks of the telemetry server contracts, for plugins that depend on telemetry. Only for Jest.
 */
import { BehaviorSubject } from 'rxjs';
import type { TelemetryPluginSetup, TelemetryPluginStart } from './types';

function createSetupContract(): jest.Mocked<TelemetryPluginSetup> {
  return { getTelemetryUrl: jest.fn().mockResolvedValue(new URL('https://telemetry.example.test/xpack/v2/send')) };
}

/** `getIsOptedIn` resolves `optedIn` (false by default) and `isOptedIn$` starts with it. */
function createStartContract(optedIn = false): jest.Mocked<TelemetryPluginStart> {
  return { getIsOptedIn: jest.fn().mockResolvedValue(optedIn), isOptedIn$: new BehaviorSubject(optedIn) } as jest.Mocked<TelemetryPluginStart>;
}

export const telemetryPluginMock = { createSetupContract, createStartContract };

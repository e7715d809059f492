import { Plugin } from '../../../core/server';

/**
 * The server half has nothing to register (settings are core's); it exists so that server-side plugins may
 * declare `advancedSettings` as a dependency, as upstream's `telemetryManagementSection` does.
 */
export class AdvancedSettingsServerPlugin implements Plugin {
  public setup() {}
  public start() {}
}

import type { CoreStart, Plugin } from '../../../../src/core/public';
import type { TelemetryPluginStart } from '../../../../src/plugins/telemetry/public';

declare global {
  interface Window {
    /** What `telemetry?.telemetryService?.getIsOptedIn()` answered, each time the state changed. */
    __telemetryConsumer?: Array<boolean | null | undefined>;
  }
}

/** A third-party plugin using the telemetry start contract as the spec's usage example does. */
class TelemetryConsumerPlugin implements Plugin<void, void, object, { telemetry?: TelemetryPluginStart }> {
  public setup() {}

  public start(_core: CoreStart, { telemetry }: { telemetry?: TelemetryPluginStart }) {
    const seen: Array<boolean | null | undefined> = [];
    window.__telemetryConsumer = seen;
    telemetry?.telemetryService?.getState$().subscribe(() => seen.push(telemetry?.telemetryService?.getIsOptedIn()));
  }
}

export const plugin = () => new TelemetryConsumerPlugin();

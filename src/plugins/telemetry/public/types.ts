import type { TelemetrySendUsageFrom } from '../common/telemetry_config/types';
import type { TelemetryNotifications } from './services/telemetry_notifications';
import type { TelemetryService } from './services/telemetry_service';

/**
 * The `telemetry.*` keys the server exposes to the browser (`server/config.ts` `exposeToBrowser`).
 * Durations arrive as ISO 8601 text (`PT24H`), as the server's `moment` durations serialise.
 */
export interface TelemetryPublicConfig {
  enabled: boolean;
  url: string;
  optInStatusUrl: string;
  banner: boolean;
  allowChangingOptInStatus: boolean;
  optIn?: boolean;
  sendUsageFrom: TelemetrySendUsageFrom;
  privacyStatementUrl: string;
  reportInterval: string | number;
  initialCheckDelay: string | number;
  retryDelay: string | number;
  failurePause: string | number;
  optInStatusInterval: string | number;
}

/** Constants other public halves link to. */
export interface TelemetryConstants {
  /** The privacy statement the banner, the notice and the Usage Data section link to. */
  getPrivacyStatementUrl(): string;
}

/** The setup contract: the service is usable (its state is the config's until start reads the server's). */
export interface TelemetryPluginSetup {
  /** Opt-in state and actions. */
  telemetryService: TelemetryService;
}

/** The start contract, as upstream's (`telemetry?.telemetryService?.getIsOptedIn()`). */
export interface TelemetryPluginStart {
  /** Opt-in state and actions. */
  telemetryService: TelemetryService;
  /** The opt-in banner and the "opted in by default" notice. */
  telemetryNotifications: TelemetryNotifications;
  /** Links. */
  telemetryConstants: TelemetryConstants;
}

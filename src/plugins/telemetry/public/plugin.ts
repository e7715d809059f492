import type { CoreSetup, CoreStart, Plugin, PluginInitializerContext } from '../../../core/public';
import { renderOptedInNotice, renderOptInBanner } from './render_banners';
import { parseDurationMs } from './services/parse_duration';
import { TelemetryNotifications } from './services/telemetry_notifications';
import { createRetryPolicy } from '../common/retry_policy';
import { selectBrowserSender, type SenderSelection } from './services/sender_selection';
import { clearSharedFailures, TelemetrySender } from './services/telemetry_sender';
import { TelemetryService } from './services/telemetry_service';
import type { TelemetryCollectionManagerPublicSetup } from '../../telemetry_collection_manager/public';
import type { TelemetryPluginSetup, TelemetryPluginStart, TelemetryPublicConfig } from './types';

interface TelemetryPluginSetupDeps {
  telemetryCollectionManager: TelemetryCollectionManagerPublicSetup;
}

const SETTINGS_PATH = '/app/management/opensearch-dashboards/settings';

/**
 * The browser half of telemetry: the opt-in state (read from the server at start), the opt-in banner and
 * the "opted in by default" notice, and the sender when `telemetry.sendUsageFrom` is `browser`.
 */
export class TelemetryPlugin implements Plugin<TelemetryPluginSetup, TelemetryPluginStart, TelemetryPluginSetupDeps> {
  private readonly config: TelemetryPublicConfig;
  private readonly version: string;
  private telemetryService?: TelemetryService;
  /** The sender in use: the null sender while consent is off, a real one while opted in. */
  private sender?: SenderSelection;
  private telemetryNotifications?: TelemetryNotifications;

  constructor(initializerContext: PluginInitializerContext<TelemetryPublicConfig>) {
    this.config = initializerContext.config.get<TelemetryPublicConfig>();
    this.version = initializerContext.env.packageInfo.version;
  }

  public setup(core: CoreSetup, { telemetryCollectionManager }: TelemetryPluginSetupDeps): TelemetryPluginSetup {
    this.telemetryService = new TelemetryService({
      http: core.http,
      statsClient: telemetryCollectionManager.statsClient,
      toasts: core.notifications.toasts,
      config: this.config,
      fetch: (input, init) => window.fetch(input, init),
      optInStatusIntervalMs: parseDurationMs(this.config.optInStatusInterval),
      version: this.version,
    });
    return { telemetryService: this.telemetryService };
  }

  public start(core: CoreStart): TelemetryPluginStart {
    const telemetryService = this.telemetryService;
    if (!telemetryService) throw new Error('telemetry: start() was called before setup().');
    const privacyStatementUrl = telemetryService.getPrivacyStatementUrl();
    const settingsUrl = core.http.basePath.prepend(SETTINGS_PATH);
    telemetryService.setUserCanChangeSettings(core.application.capabilities.telemetry?.optIn !== false);
    const telemetryNotifications = new TelemetryNotifications({
      banners: core.overlays.banners,
      telemetryService,
      toasts: core.notifications.toasts,
      bannerEnabled: this.config.banner,
      renderOptInBanner: (onChangeOptInClick) => renderOptInBanner({ privacyStatementUrl, onChangeOptInClick }),
      renderOptedInNotice: (onSeenBanner) => renderOptedInNotice({ privacyStatementUrl, settingsUrl, onSeenBanner }),
    });
    this.telemetryNotifications = telemetryNotifications;

    // An anonymous page (the login page) has no caller the server would tell the state to.
    if (core.http.anonymousPaths.isAnonymous(window.location.pathname)) {
      return { telemetryService, telemetryNotifications, telemetryConstants: { getPrivacyStatementUrl: () => privacyStatementUrl } };
    }
    telemetryService
      .refreshState()
      .then((state) => {
        telemetryNotifications.show();
        if (state.sendUsageFrom === 'browser') this.startSender(telemetryService);
      })
      .catch((error) => {
        // Without the server's state nothing is shown and nothing is sent: undecided must not look like a choice.
        console.warn(`Telemetry: could not read the opt-in state: ${(error as Error).message}`);
      });

    return {
      telemetryService,
      telemetryNotifications,
      telemetryConstants: { getPrivacyStatementUrl: () => privacyStatementUrl },
    };
  }

  public stop() {
    this.telemetryNotifications?.stop();
    this.sender?.stop();
    void this.telemetryService?.stop();
  }

  private startSender(telemetryService: TelemetryService) {
    const initialCheckDelayMs = parseDurationMs(this.config.initialCheckDelay);
    const retryDelayMs = parseDurationMs(this.config.retryDelay);
    const failurePauseMs = parseDurationMs(this.config.failurePause);
    // The rule the server sender follows too (common/retry_policy.ts), from the same config.
    const retryPolicy = createRetryPolicy({ retryDelayMs, failurePauseMs });
    const storage = window.localStorage;
    // A real sender only while opted in (it first looks after initialCheckDelay, at start and after an opt-in
    // made in this tab); any change of the choice clears the failures (ending a failure pause), as on the server.
    this.sender = selectBrowserSender({
      state$: telemetryService.getState$(),
      onChoiceChange: () => clearSharedFailures(storage),
      createReal: () =>
        new TelemetrySender({
          telemetryService,
          storage,
          fetch: (input, init) => window.fetch(input, init),
          reportIntervalMs: parseDurationMs(this.config.reportInterval),
          initialCheckDelayMs,
          retryDelayMs,
          failurePauseMs,
          retryPolicy,
          version: this.version,
        }),
    });
  }
}

import { distinctUntilChanged, map, skip, type Subscription } from 'rxjs';
import type { CoreSetup, CoreStart, Plugin, PluginInitializerContext } from '../../../core/public';
import { renderOptedInNotice, renderOptInBanner } from './render_banners';
import { parseDurationMs } from './services/parse_duration';
import { TelemetryNotifications } from './services/telemetry_notifications';
import { TelemetrySender } from './services/telemetry_sender';
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
  private sender?: TelemetrySender;
  private subscription?: Subscription;
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
    this.subscription?.unsubscribe();
    this.sender?.stop();
    void this.telemetryService?.stop();
  }

  private startSender(telemetryService: TelemetryService) {
    const initialCheckDelayMs = parseDurationMs(this.config.initialCheckDelay);
    this.sender = new TelemetrySender({
      telemetryService,
      storage: window.localStorage,
      fetch: (input, init) => window.fetch(input, init),
      reportIntervalMs: parseDurationMs(this.config.reportInterval),
      initialCheckDelayMs,
      retryDelayMs: parseDurationMs(this.config.retryDelay),
      failurePauseMs: parseDurationMs(this.config.failurePause),
      version: this.version,
    });
    this.sender.start();
    // An opt-in made in this tab is reported after the same delay as at start, not after a full check
    // interval; any change of the choice clears the failures (ending a failure pause), as on the server.
    this.subscription = telemetryService
      .getState$()
      .pipe(
        map((state) => state.optIn),
        distinctUntilChanged(),
        skip(1)
      )
      .subscribe((optIn) => {
        this.sender?.resetFailures();
        if (optIn === true) this.sender?.checkSoon(initialCheckDelayMs);
      });
  }
}

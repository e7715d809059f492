import { METRIC_TYPE, Reporter, UiStatsMetricType } from '@osd/analytics';
import type { CoreSetup, CoreStart, Plugin, PluginInitializerContext } from '../../../core/public';
import { trackApplicationUsage } from './services/application_usage';
import { createReporter } from './services/create_reporter';
import type { UsageCollectionPublicConfig, UsageCollectionSetup, UsageCollectionStart } from './types';

/**
 * Session cookie (no expiry: the browser drops it when it closes; shared by its tabs): the user agent was
 * already reported in this browser session.
 */
const USER_AGENT_REPORTED_COOKIE = 'osdUserAgentReported';
const USER_AGENT_APP_NAME = 'opensearchDashboards';

/**
 * The browser half of usage_collection: ui metrics, the user agent and application usage, batched by
 * `@osd/analytics` and sent to `POST /api/ui_metric/report`. With `uiMetric.enabled: false` nothing is
 * recorded (the server does not serve the route then) and the contract is a set of no-ops.
 */
export class UsageCollectionPlugin implements Plugin<UsageCollectionSetup, UsageCollectionStart> {
  private reporter?: Reporter;
  private trackUserAgent = true;
  private stopTracking?: () => void;

  constructor(private readonly context: PluginInitializerContext<UsageCollectionPublicConfig>) {}

  public setup(core: CoreSetup): UsageCollectionSetup {
    const { uiMetric } = this.context.config.get<UsageCollectionPublicConfig>();
    if (uiMetric.enabled) {
      this.reporter = createReporter({
        config: uiMetric,
        prependBasePath: (path) => core.http.basePath.prepend(path),
        version: this.context.env.packageInfo.version,
      });
    }
    return {
      reportUiStats: this.reportUiStats,
      METRIC_TYPE,
      allowTrackUserAgent: (allow) => {
        this.trackUserAgent = allow;
      },
    };
  }

  public start(core: CoreStart): UsageCollectionStart {
    const reporter = this.reporter;
    // Pages that work without a user (login and the like) send nothing; what they recorded stays stored.
    if (reporter && !core.http.anonymousPaths.isAnonymous(window.location.pathname)) {
      reporter.start();
      if (this.trackUserAgent) this.reportUserAgentOnce(reporter);
      this.stopTracking = trackApplicationUsage({
        currentAppId$: core.application.currentAppId$,
        applications$: core.application.applications$,
        reporter,
        window,
        document,
      });
    }
    return { reportUiStats: this.reportUiStats, METRIC_TYPE };
  }

  public stop() {
    this.stopTracking?.();
    this.reporter?.stop();
  }

  private readonly reportUiStats = (appName: string, type: UiStatsMetricType, eventNames: string | string[], count?: number) => {
    this.reporter?.reportUiStats(appName, type, eventNames, count);
  };

  private reportUserAgentOnce(reporter: Reporter) {
    const cookies = document.cookie.split(';').map((c) => c.trim());
    if (cookies.includes(`${USER_AGENT_REPORTED_COOKIE}=true`)) return;
    document.cookie = `${USER_AGENT_REPORTED_COOKIE}=true; path=/; SameSite=Strict`;
    reporter.reportUserAgent(USER_AGENT_APP_NAME, window.navigator.userAgent);
  }
}

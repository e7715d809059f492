import type { METRIC_TYPE, UiStatsMetricType } from '@osd/analytics';

/** The part of `usageCollection.*` the server exposes to browsers (`exposeToBrowser: { uiMetric: true }`). */
export interface UsageCollectionPublicConfig {
  uiMetric: {
    /** Send reports at all; when false every call below is a no-op. */
    enabled: boolean;
    /** Log each metric to the browser console (debug level). */
    debug: boolean;
    /** How often the browser sends its batch; 0 means the browser default (60 s). */
    batchingIntervalInS: number;
  };
}

/** Count `count` (default 1) events of `type` for each of `eventNames` under `appName`. */
export type ReportUiStats = (appName: string, type: UiStatsMetricType, eventNames: string | string[], count?: number) => void;

/** `usageCollection`'s browser setup contract. */
export interface UsageCollectionSetup {
  /** Records ui metrics; they reach `/api/stats` under `usage.ui_metric.<appName>` as `<eventName>` counts. */
  reportUiStats: ReportUiStats;
  /** The metric types (`METRIC_TYPE.CLICK`, `LOADED`, `COUNT`). */
  METRIC_TYPE: typeof METRIC_TYPE;
  /** Whether the browser's user agent is recorded (once per browser session; default true). Call before start. */
  allowTrackUserAgent(allow: boolean): void;
}

/** `usageCollection`'s browser start contract. */
export interface UsageCollectionStart {
  reportUiStats: ReportUiStats;
  METRIC_TYPE: typeof METRIC_TYPE;
}

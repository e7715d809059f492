/** The kinds of metric a report carries (upstream's names and values). */
export enum METRIC_TYPE {
  COUNT = 'count',
  LOADED = 'loaded',
  CLICK = 'click',
  USER_AGENT = 'user_agent',
  APPLICATION_USAGE = 'application_usage',
}

/** The metric types `reportUiStats` accepts. */
export type UiStatsMetricType = METRIC_TYPE.CLICK | METRIC_TYPE.LOADED | METRIC_TYPE.COUNT;

/** Running statistics of the counts reported for one `<appName>-<type>-<eventName>`. */
export interface Stats {
  min: number;
  max: number;
  sum: number;
  avg: number;
}

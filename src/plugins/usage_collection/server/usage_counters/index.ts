export {
  DEFAULT_BUFFER_DURATION_MS,
  DEFAULT_HISTORY_DAYS,
  DEFAULT_RETAIN_DAYS,
  MAX_BUFFERED_COUNTERS,
  UI_METRIC_DAILY_SAVED_OBJECT_TYPE,
  USAGE_COUNTERS_SAVED_OBJECT_TYPE,
} from './constants';
export { uiMetricDailyId, utcDay } from './counter_names';
export { DailyCleanup } from './daily_cleanup';
export { usageCountersSavedObjectTypes } from './saved_object_types';
export { registerUsageCountersCollector } from './usage_counters_collector';
export type { UsageCountersUsage, UsageCounterDailyEvent } from './usage_counters_collector';
export { UsageCountersService } from './usage_counters_service';
export type { UsageCountersStats } from './usage_counters_service';
export type { IncrementCounterParams, UiMetricDailyAttributes, UsageCounter, UsageCountersSavedObjectAttributes } from './types';

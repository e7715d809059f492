export { CoreUsageDataService } from './core_usage_data_service';
export { CoreUsageCounterRegistry } from './core_usage_counter';
export type {
  CoreIncrementCounterParams,
  CoreUsageCounter,
  CoreUsageCounterSink,
  CoreUsageData,
  CoreUsageDataSetup,
  CoreUsageDataStart,
  SavedObjectsIndexUsage,
} from './types';

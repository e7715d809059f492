export { CoreUsageDataService } from './core_usage_data_service';
export type { CoreUsageData, CoreUsageDataStart, SavedObjectsIndexUsage } from './types';

/* The `core` section of the report is defined by core, which computes it (`CoreStart.coreUsageData`). */
export type { CoreUsageData, CoreUsageDataStart } from '../../../../../core/server';

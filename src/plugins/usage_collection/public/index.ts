/*
 * The browser half of usage_collection, as other public halves import it.
 */
import type { PluginInitializerContext } from '../../../core/public';
import { UsageCollectionPlugin } from './plugin';
import type { UsageCollectionPublicConfig } from './types';

export { METRIC_TYPE } from '@osd/analytics';
export type { UiStatsMetricType } from '@osd/analytics';
export type { ReportUiStats, UsageCollectionPublicConfig, UsageCollectionSetup, UsageCollectionStart } from './types';

export const plugin = (initializerContext: PluginInitializerContext<UsageCollectionPublicConfig>) =>
  new UsageCollectionPlugin(initializerContext);

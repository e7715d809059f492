/*
 * The server half of usage_collection, as other plugins import it. Only `plugin`, `config` and types.
 */
import type { PluginInitializerContext } from '../../../core/server';
import type { UsageCollectionConfig } from './config';
import { UsageCollectionPlugin } from './plugin';

export { config } from './config';
export type { UsageCollectionConfig } from './config';
export type { UsageCollectionSetup, UsageCollectionStart } from './types';
export type {
  AllowedSchemaTypes,
  CollectorFetchContext,
  CollectorFetchResult,
  CollectorOptions,
  LegacyAPICaller,
  MakeSchemaFrom,
  OpenSearchClient,
  RecursiveMakeSchemaFrom,
  SchemaField,
  SchemaMeta,
  UsageCollectorOptions,
  UsageCollectorStats,
} from './collector';
export type { Collector, UsageCollector } from './collector';
export type { CoreUsageData, CoreUsageDataStart } from './collectors';
export type { IncrementCounterParams, UsageCounter } from './usage_counters';
// The stored types other plugins read (the usage insights app), named once.
export { UI_METRIC_SAVED_OBJECT_TYPE } from '../common/constants';
export { APPLICATION_USAGE_DAILY_TYPE } from './collectors/application_usage/saved_object_types';
export { UI_METRIC_DAILY_SAVED_OBJECT_TYPE, USAGE_COUNTERS_SAVED_OBJECT_TYPE, uiMetricDailyId } from './usage_counters';

export const plugin = (initializerContext: PluginInitializerContext<UsageCollectionConfig>) =>
  new UsageCollectionPlugin(initializerContext);

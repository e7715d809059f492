import type { CollectorOutcome } from './collector_runner';
import type { CollectorFetchStatus, MakeSchemaFrom } from './types';

interface NamedCount {
  count: number;
  names: string[];
}

/**
 * What `POST /api/ui_metric/report` refused or dropped since the server started (this server only): the
 * limits of `usageCollection.uiMetric.maxKeys`, `usageCollection.applicationUsage.maxApps` and
 * `usageCollection.uiMetric.maxReportsPerMinute` at work.
 */
export interface IngestStats {
  /** Counter increments dropped because their counter was new and the cap on distinct counters was reached. */
  dropped_ui_metric_keys: number;
  /** Application-usage entries dropped because the application was new and the cap on applications was reached. */
  dropped_applications: number;
  /** Reports answered 429 by the per-client rate limit. */
  throttled_reports: number;
}

const NO_INGEST: IngestStats = { dropped_ui_metric_keys: 0, dropped_applications: 0, throttled_reports: 0 };

/** The `usage_collector_stats` entry: how every collector fared in one bulk fetch. */
export interface UsageCollectorStats {
  succeeded: NamedCount;
  not_ready: NamedCount;
  not_ready_timeout: NamedCount;
  failed: NamedCount;
  timed_out: NamedCount;
  /** Wall-clock time of the whole bulk fetch, in ms (collectors run in parallel). */
  total_duration: number;
  /** Undeclared fields left out, over all collectors. */
  dropped_fields: number;
  /** Values of the wrong type left out, over all collectors. */
  invalid_values: number;
  ingest: IngestStats;
  collectors: Array<{
    name: string;
    status: CollectorFetchStatus;
    is_ready_duration: number;
    fetch_duration: number;
    dropped_fields: number;
    invalid_values: number;
  }>;
}

const namedCount: MakeSchemaFrom<NamedCount> = {
  count: { type: 'long', _meta: { description: 'How many collectors' } },
  names: { type: 'array', items: { type: 'keyword', _meta: { description: 'A collector type' } } },
};

/** Schema of the `usage_collector_stats` entry (it goes through the same filter as any collector). */
export const usageCollectorStatsSchema: MakeSchemaFrom<UsageCollectorStats> = {
  succeeded: namedCount,
  not_ready: namedCount,
  not_ready_timeout: namedCount,
  failed: namedCount,
  timed_out: namedCount,
  total_duration: { type: 'float', _meta: { description: 'Wall-clock duration of the bulk fetch, ms' } },
  dropped_fields: { type: 'long', _meta: { description: 'Undeclared fields left out of collector results' } },
  invalid_values: { type: 'long', _meta: { description: 'Values of the wrong type left out of collector results' } },
  ingest: {
    dropped_ui_metric_keys: { type: 'long', _meta: { description: 'Ui-metric increments dropped since start: new counter past usageCollection.uiMetric.maxKeys' } },
    dropped_applications: { type: 'long', _meta: { description: 'Application-usage entries dropped since start: new application past usageCollection.applicationUsage.maxApps' } },
    throttled_reports: { type: 'long', _meta: { description: 'Ui-metric reports answered 429 since start (usageCollection.uiMetric.maxReportsPerMinute)' } },
  },
  collectors: {
    type: 'array',
    items: {
      name: 'keyword',
      status: { type: 'keyword', _meta: { description: 'succeeded, not_ready, not_ready_timeout, failed or timed_out' } },
      is_ready_duration: 'float',
      fetch_duration: 'float',
      dropped_fields: 'long',
      invalid_values: 'long',
    },
  },
};

const STATUSES: CollectorFetchStatus[] = ['succeeded', 'not_ready', 'not_ready_timeout', 'failed', 'timed_out'];

/** Summarises the outcomes of one bulk fetch. */
export function buildUsageCollectorStats(outcomes: CollectorOutcome[], totalDurationMs: number, ingest: IngestStats = NO_INGEST): UsageCollectorStats {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, { count: 0, names: [] as string[] }])) as Record<CollectorFetchStatus, NamedCount>;
  let droppedFields = 0;
  let invalidValues = 0;
  const sorted = [...outcomes].sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  for (const outcome of sorted) {
    byStatus[outcome.status].count++;
    byStatus[outcome.status].names.push(outcome.type);
    droppedFields += outcome.droppedFields;
    invalidValues += outcome.invalidValues;
  }
  return {
    ...byStatus,
    total_duration: Math.round(totalDurationMs * 100) / 100,
    dropped_fields: droppedFields,
    invalid_values: invalidValues,
    ingest: { ...ingest },
    collectors: sorted.map((o) => ({
      name: o.type,
      status: o.status,
      is_ready_duration: o.isReadyDurationMs,
      fetch_duration: o.fetchDurationMs,
      dropped_fields: o.droppedFields,
      invalid_values: o.invalidValues,
    })),
  };
}

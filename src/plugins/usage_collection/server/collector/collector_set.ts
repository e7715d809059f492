import type { Logger, SavedObjectsClientContract } from '../../../../core/server';
import { USAGE_COLLECTOR_STATS_TYPE } from '../../common/constants';
import { toApiFieldNames } from './api_field_names';
import { Collector, UsageCollector } from './collector';
import { CollectorRunner } from './collector_runner';
import { buildUsageCollectorStats, usageCollectorStatsSchema, type IngestStats } from './collector_stats';
import { createFilterReport, filterBySchema } from './schema';
import type {
  CollectorCategory,
  CollectorFetchContextInput,
  CollectorFetchResult,
  CollectorOptions,
  LegacyAPICaller,
  OpenSearchClient,
  SchemaNode,
  SchemaObjectNode,
  UsageCollectorOptions,
} from './types';

export interface CollectorSetOptions {
  logger: Logger;
  /** See `usageCollection.maximumWaitTimeForAllCollectorsInS`: 0 never waits, negative waits for ever. */
  maximumWaitTimeForAllCollectorsInS: number;
  /** Budget of each collector (readiness and fetch together), in seconds. */
  collectorFetchTimeoutInS: number;
  /** The saved-objects client for fetches whose caller gives none; undefined before start. */
  getDefaultSavedObjectsClient?: () => SavedObjectsClientContract | undefined;
  /** What the ui-metric route refused or dropped, for `usage_collector_stats.ingest`; zeros when absent. */
  getIngestStats?: () => IngestStats;
  /** Wall clock in ms, for the readiness wait; `Date.now` by default. */
  now?: () => number;
}

type FetchKind = 'all' | 'usage';

/**
 * The registry of collectors and the engine that fetches them. Every collector runs in parallel under its
 * own time budget; what a collector returns is filtered to its schema; each fetch appends a
 * `usage_collector_stats` entry saying how every collector fared. Concurrent callers of the same kind of
 * fetch share the one in flight (with the clients of the first caller: there is no per-user data yet).
 */
export class CollectorSet {
  private readonly log: Logger;
  private readonly collectors = new Map<string, Collector<any, any>>();
  private readonly runner: CollectorRunner;
  private readonly inFlight = new Map<FetchKind, Promise<CollectorFetchResult[]>>();
  private readonly now: () => number;
  private firstNotReadyAt?: number;

  constructor(private readonly options: CollectorSetOptions) {
    this.log = options.logger;
    this.now = options.now ?? Date.now;
    this.runner = new CollectorRunner({ logger: options.logger, timeoutMs: options.collectorFetchTimeoutInS * 1000 });
  }

  public makeStatsCollector = <T, U = T>(options: CollectorOptions<T, U>): Collector<T, U> => new Collector<T, U>(options);

  public makeUsageCollector = <T, U = T>(options: UsageCollectorOptions<T, U>): UsageCollector<T, U> =>
    new UsageCollector<T, U>(options);

  public registerCollector = <T, U>(collector: Collector<T, U>): void => {
    if (!(collector instanceof Collector)) {
      throw new Error('CollectorSet can only have Collector instances registered');
    }
    if (this.collectors.has(collector.type) || collector.type === USAGE_COLLECTOR_STATS_TYPE) {
      throw new Error(`Usage collector's type "${collector.type}" is duplicated.`);
    }
    this.collectors.set(collector.type, collector);
  };

  public getCollectorByType = (type: string): Collector<any, any> | undefined => this.collectors.get(type);

  /**
   * The category of a fetch result's `type`: the collector's own; `operational` for the collection's own
   * health (`usage_collector_stats`); `usage` for anything unknown, so nothing unclassified passes a filter.
   */
  public getCategory = (type: string): CollectorCategory =>
    type === USAGE_COLLECTOR_STATS_TYPE ? 'operational' : this.collectors.get(type)?.category ?? 'usage';

  public isUsageCollector = (x: unknown): x is UsageCollector<any, any> => x instanceof UsageCollector;

  /**
   * True when every collector says it is ready (each check under the collector's time budget). While some
   * are not, false, until `maximumWaitTimeForAllCollectorsInS` has passed since the first false answer:
   * from then on true, so callers get the data of the ready ones.
   */
  public areAllCollectorsReady = async (): Promise<boolean> => {
    const collectors = [...this.collectors.values()];
    const answers = await Promise.all(collectors.map((c) => this.runner.checkReady(c)));
    const waitingFor = collectors.filter((_, i) => answers[i] !== true).map((c) => c.type);
    if (waitingFor.length === 0) {
      this.firstNotReadyAt = undefined;
      return true;
    }
    const maxWaitMs = this.options.maximumWaitTimeForAllCollectorsInS * 1000;
    if (maxWaitMs < 0) return false;
    const now = this.now();
    this.firstNotReadyAt ??= now;
    const waited = now - this.firstNotReadyAt;
    if (waited >= maxWaitMs) {
      this.log.debug(
        `All collectors are not ready (waiting for ${waitingFor.join(',')}) but we have waited the required ` +
          `${this.options.maximumWaitTimeForAllCollectorsInS}s and will return data from all collectors that are ready.`
      );
      return true;
    }
    this.log.debug(`All collectors are not ready. Waiting for ${maxWaitMs - waited}ms longer.`);
    return false;
  };

  /** Every ready collector's (schema-filtered) data, plus `usage_collector_stats`. Never rejects because of a collector. */
  public bulkFetch = (
    callCluster?: LegacyAPICaller,
    opensearchClient?: OpenSearchClient,
    context?: CollectorFetchContextInput
  ): Promise<CollectorFetchResult[]> => this.shared('all', callCluster, opensearchClient, context);

  /** As `bulkFetch`, over usage collectors only. */
  public bulkFetchUsage = (
    callCluster?: LegacyAPICaller,
    opensearchClient?: OpenSearchClient,
    context?: CollectorFetchContextInput
  ): Promise<CollectorFetchResult[]> => this.shared('usage', callCluster, opensearchClient, context);

  /** `[{ type, result }]` → `{ [type]: result }`. */
  public toObject = <Result = Record<string, unknown>, T = unknown>(statsData: Array<CollectorFetchResult<T>> = []): Result => {
    const out: Record<string, unknown> = {};
    for (const { type, result } of statsData) out[type] = result;
    return out as Result;
  };

  /** Renames keys to the API's snake_case; with a schema, keys that are data (`DYNAMIC_KEY`) are kept. */
  public toApiFieldNames = (apiData: any, schema?: SchemaNode): any => toApiFieldNames(apiData, schema);

  /** The schema of `toObject(await bulkFetchUsage())`: each usage collector's schema under its type. */
  public getUsageSchema = (): SchemaObjectNode => {
    const schema: SchemaObjectNode = { [USAGE_COLLECTOR_STATS_TYPE]: usageCollectorStatsSchema as SchemaNode };
    for (const collector of this.collectors.values()) {
      if (collector instanceof UsageCollector) schema[collector.type] = collector.getSchemaNode();
    }
    return schema;
  };

  private async shared(kind: FetchKind, callCluster?: LegacyAPICaller, opensearchClient?: OpenSearchClient, context?: CollectorFetchContextInput) {
    let running = this.inFlight.get(kind);
    if (!running) {
      running = this.fetchAll(kind, callCluster, opensearchClient, context).finally(() => this.inFlight.delete(kind));
      this.inFlight.set(kind, running);
    }
    // Each caller gets its own array; the results themselves are frozen.
    return [...(await running)];
  }

  private async fetchAll(kind: FetchKind, callCluster?: LegacyAPICaller, opensearchClient?: OpenSearchClient, input?: CollectorFetchContextInput) {
    const started = performance.now();
    const collectors = [...this.collectors.values()].filter((c) => kind === 'all' || c instanceof UsageCollector);
    const context = Object.freeze({
      savedObjectsClient: input?.savedObjectsClient ?? this.options.getDefaultSavedObjectsClient?.(),
    });
    const outcomes = await Promise.all(collectors.map((c) => this.runner.run(c, { callCluster, opensearchClient, context })));
    const results: CollectorFetchResult[] = [];
    for (const outcome of outcomes) {
      if (outcome.status === 'succeeded' && outcome.result !== undefined) results.push({ type: outcome.type, result: outcome.result });
    }
    const stats = buildUsageCollectorStats(outcomes, performance.now() - started, this.options.getIngestStats?.());
    // Through the same filter as collector data, so that it is frozen like the rest.
    results.push({ type: USAGE_COLLECTOR_STATS_TYPE, result: filterBySchema(stats, usageCollectorStatsSchema as SchemaNode, createFilterReport()) });
    return results;
  }
}

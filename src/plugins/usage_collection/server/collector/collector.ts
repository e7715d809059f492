import { findSchemaProblem } from './schema';
import type { CollectorCategory, CollectorFetchContext, CollectorOptions, LegacyAPICaller, MakeSchemaFrom, OpenSearchClient, SchemaNode, UsageCollectorOptions } from './types';

const alwaysReady = () => true;

/**
 * A registered source of usage data. Built by `makeStatsCollector` / `makeUsageCollector`, which check the
 * options at once: a broken collector fails its plugin's setup with upstream's messages. Only the declared
 * options are kept (nothing else is copied onto the instance).
 */
export class Collector<T = unknown, U = T> {
  /** Key of this collector's data in every report. */
  public readonly type: string;
  /** Declared fields; what `fetch` returns is filtered to these before it leaves the collector set. */
  public readonly schema?: MakeSchemaFrom<T>;
  /** Whether `fetch` can run now. */
  public readonly isReady: () => boolean | Promise<boolean>;
  /** `operational` or `usage` (the default for a collector that declares none). */
  public readonly category: CollectorCategory;
  private readonly fetchData: CollectorOptions<T, U>['fetch'];

  constructor(options: CollectorOptions<T, U>) {
    if (!options || typeof options !== 'object') {
      throw new Error('Collector must be instantiated with an options object');
    }
    const { type, schema, isReady, fetch, category } = options;
    if (typeof type !== 'string' || type === '') {
      throw new Error('Collector must be instantiated with a options.type string property');
    }
    if (typeof fetch !== 'function') {
      throw new Error('Collector must be instantiated with a options.fetch function property');
    }
    if (isReady !== undefined && typeof isReady !== 'function') {
      throw new Error(`Collector "${type}": options.isReady must be a function when given`);
    }
    if (category !== undefined && category !== 'operational' && category !== 'usage') {
      throw new Error(`Collector "${type}": options.category must be 'operational' or 'usage' when given, got ${JSON.stringify(category)}`);
    }
    if (schema !== undefined) {
      const problem = findSchemaProblem(schema);
      if (problem) throw new Error(`Collector "${type}" has an invalid schema: ${problem}`);
    }
    this.type = type;
    this.schema = schema;
    this.isReady = isReady ?? alwaysReady;
    this.category = category ?? 'usage';
    this.fetchData = fetch;
  }

  /** Runs the collector's fetch; inside it, `this` is the collector, as upstream. */
  public fetch(callCluster: LegacyAPICaller | undefined, opensearchClient: OpenSearchClient | undefined, context: CollectorFetchContext): T | undefined | Promise<T | undefined> {
    return this.fetchData(callCluster, opensearchClient, context);
  }

  /** The schema as the runtime reads it. */
  public getSchemaNode(): SchemaNode | undefined {
    return this.schema as SchemaNode | undefined;
  }
}

/** A collector whose data is usage: reported under `usage` by `/api/stats` and in the telemetry payload. */
export class UsageCollector<T = unknown, U = T> extends Collector<T, U> {
  constructor(options: UsageCollectorOptions<T, U>) {
    super(options);
    if (options.schema === undefined || options.schema === null || typeof options.schema !== 'object') {
      throw new Error(
        `Usage collector "${options.type}" must be instantiated with a options.schema object property: only declared fields are reported`
      );
    }
  }
}

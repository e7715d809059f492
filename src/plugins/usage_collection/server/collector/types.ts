import type { SavedObjectsClientContract } from '../../../../core/server';

/** The field types a collector schema may declare (upstream's list). */
export type AllowedSchemaTypes = 'keyword' | 'text' | 'number' | 'boolean' | 'long' | 'date' | 'float';

/** Documentation attached to any schema field. */
export interface SchemaMeta {
  description: string;
}

/** Key of an object schema that stands for every key of a record (`{ [appId: string]: … }`). */
export type DynamicKey = 'DYNAMIC_KEY';

/** The schema types a value of TypeScript type `V` may be declared as. */
export type SchemaTypesFor<V> = [V] extends [boolean]
  ? 'boolean'
  : [V] extends [number]
  ? 'long' | 'float' | 'number'
  : [V] extends [string]
  ? 'keyword' | 'text' | 'date'
  : [V] extends [Date]
  ? 'date'
  : never;

/** A leaf: the type name alone (`'long'`, as the spec's examples write it) or `{ type, _meta? }`. */
export type SchemaLeaf<V> = SchemaTypesFor<V> | { type: SchemaTypesFor<V>; _meta?: SchemaMeta };

/** An array field: `{ type: 'array', items }`, `items` being the schema of one entry. */
export interface SchemaArray<Items> {
  type: 'array';
  items: Items;
  _meta?: SchemaMeta;
}

/** The schema of one value of TypeScript type `V`. */
export type SchemaFor<V> = [NonNullable<V>] extends [ReadonlyArray<infer Item>]
  ? SchemaArray<SchemaFor<Item>>
  : [NonNullable<V>] extends [Date]
  ? SchemaLeaf<Date>
  : [NonNullable<V>] extends [object]
  ? MakeSchemaFrom<NonNullable<V>>
  : SchemaLeaf<NonNullable<V>>;

/**
 * The schema of an object type `T`: every key (optional ones too) mapped to the schema of its value. A
 * record type (`Record<string, X>`) is declared as `{ DYNAMIC_KEY: schemaOf<X> }`: its keys are data (app
 * ids, event names), reported as they are. A schema that does not match `T` fails to compile.
 */
export type MakeSchemaFrom<T> = (string extends keyof T
  ? { DYNAMIC_KEY: SchemaFor<T[keyof T]> }
  : { [Key in keyof Required<T>]: SchemaFor<T[Key]> }) & { _meta?: SchemaMeta };

/** Upstream's name for the schema of a nested value. */
export type RecursiveMakeSchemaFrom<U> = SchemaFor<U>;

/** Any schema node, as the runtime reads it (untyped against a fetch result). */
export type SchemaNode = AllowedSchemaTypes | SchemaLeafNode | SchemaArrayNode | SchemaObjectNode;
export interface SchemaLeafNode {
  type: AllowedSchemaTypes;
  _meta?: SchemaMeta;
}
export interface SchemaArrayNode {
  type: 'array';
  items: SchemaNode;
  _meta?: SchemaMeta;
}
export interface SchemaObjectNode {
  [field: string]: SchemaNode | SchemaMeta | undefined;
}
/** Upstream's export name for a schema field. */
export type SchemaField = SchemaNode;

/** Upstream's legacy cluster caller. There is no OpenSearch client yet, so collectors receive `undefined`. */
export type LegacyAPICaller = (endpoint: string, params?: Record<string, unknown>) => Promise<any>;
/** The OpenSearch client handed to collectors; `undefined` until a cluster is configured. */
export type OpenSearchClient = any;

/** The third argument of `fetch`: frozen, the same object for every collector of one bulk fetch. */
export interface CollectorFetchContext {
  /**
   * Saved objects as the caller sees them: the request's client for `/api/stats`, the server's internal
   * one otherwise. Undefined only before the plugin has started.
   */
  readonly savedObjectsClient?: SavedObjectsClientContract;
}

/** What `bulkFetch` callers may pass for the fetch context. */
export type CollectorFetchContextInput = Partial<CollectorFetchContext>;

/**
 * The options of `makeStatsCollector`. `U` is upstream's bulk-upload type parameter: unused here (there is
 * no bulk-upload formatter), kept so that `<T, U>` call sites compile.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export interface CollectorOptions<T = unknown, U = T> {
  /** Key of the collector's data in every report; unique among registered collectors. */
  type: string;
  /** Declared fields; a stats collector may omit it (its data is then reported unfiltered). */
  schema?: MakeSchemaFrom<T>;
  /**
   * What the data is: `operational` (health, versions, sizes, config; sent at the `operational` consent
   * level) or `usage` (what people do; sent at `full` only). Left out, the collector counts as `usage`.
   */
  category?: CollectorCategory;
  /** Whether `fetch` can run now; counts against the collector's time budget. Default: always ready. */
  isReady?: () => boolean | Promise<boolean>;
  /**
   * Returns the collector's data, or `undefined` for none. May be sync or async; it runs in parallel with
   * every other collector, under `usageCollection.collectorFetchTimeoutInS`. Declared as a method so that callbacks annotating
   * the clients with their own types still compile.
   */
  fetch(
    callCluster: LegacyAPICaller | undefined,
    opensearchClient: OpenSearchClient | undefined,
    context: CollectorFetchContext
  ): T | undefined | Promise<T | undefined>;
}

/** The options of `makeUsageCollector`: the schema is required, since only declared fields are reported. */
export interface UsageCollectorOptions<T = unknown, U = T> extends CollectorOptions<T, U> {
  schema: MakeSchemaFrom<T>;
}

/** How one collector fared in one bulk fetch. */
export type CollectorFetchStatus = 'succeeded' | 'not_ready' | 'not_ready_timeout' | 'failed' | 'timed_out';

/** One entry of a bulk fetch: a collector's (schema-filtered) data. */
export interface CollectorFetchResult<T = unknown> {
  type: string;
  result: T;
}

/** A collector's category (docs/consent.md): `operational` data may leave at the `operational` level. */
export type CollectorCategory = 'operational' | 'usage';

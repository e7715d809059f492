import { readdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { usageCollectorStatsSchema } from '../../../../src/plugins/usage_collection/server/collector/collector_stats';

/*
 * The receiver's picture of a report: the envelope the sender builds (`get_local_stats.ts`,
 * `get_opensearch_dashboards.ts`) around the collectors' data, whose fields come from the stored schema
 * (`src/plugins/telemetry/schema/*.json`, kept by `telemetry_check`). Same node language as the schema
 * filter of usage_collection, plus two receiver-only leaves for parts no schema describes.
 */

export const DYNAMIC_KEY = 'DYNAMIC_KEY';
export const META_KEY = '_meta';

/** The directory `telemetry_check` writes the stored schema to. */
export const DEFAULT_SCHEMA_DIR = resolve(__dirname, '..', '..', '..', '..', 'src', 'plugins', 'telemetry', 'schema');

/**
 * Leaf types: the collector schema's, plus `any` (free JSON of bounded depth: OpenSearch's own
 * `_cluster/stats`, whose fields change with the engine version) and `scalar` (a string, number or
 * boolean, or an array of them: the user-changed advanced settings of `stack_management`).
 */
export type LeafType = 'keyword' | 'text' | 'number' | 'boolean' | 'long' | 'date' | 'float' | 'any' | 'scalar';
export type SchemaNode = LeafType | { type: LeafType; _meta?: unknown } | { type: 'array'; items: SchemaNode } | { [field: string]: SchemaNode | unknown };

/** The collector types whose schema is not in the stored file, because it is built at run time. */
const RUNTIME_COLLECTOR_SCHEMAS: Record<string, SchemaNode> = {
  // Added by the collector set to every report, schema-filtered like any collector.
  usage_collector_stats: usageCollectorStatsSchema as unknown as SchemaNode,
  // Built from the registered advanced settings of each deployment (management_collector.ts): any key.
  stack_management: { [DYNAMIC_KEY]: { type: 'scalar' } },
};

/** Collector types reshaped into the report rather than listed under `plugins`. */
const SAVED_OBJECT_COUNTS_TYPE = 'opensearchDashboards';

export interface CollectorSchemas {
  /** Collector type → its schema (`properties` of the stored file's root). */
  [type: string]: SchemaNode;
}

/**
 * Reads every `*.json` of the schema directory (and any extra files) and merges their root `properties`.
 * A collector declared twice with different schemas is an error naming both files.
 */
export function loadCollectorSchemas({ dir = DEFAULT_SCHEMA_DIR, extraFiles = [] }: { dir?: string; extraFiles?: string[] } = {}): CollectorSchemas {
  const files = [
    ...readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => join(dir, name)),
    ...extraFiles.map((file) => resolve(file)),
  ];
  if (files.length === 0) throw new Error(`no schema file (*.json) in ${dir}`);
  const merged: CollectorSchemas = {};
  const origin: Record<string, string> = {};
  for (const file of files) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new Error(`cannot read the schema file ${file}: ${(e as Error).message}`);
    }
    const properties = (parsed as { properties?: unknown })?.properties;
    if (!properties || typeof properties !== 'object' || Array.isArray(properties)) throw new Error(`${file} has no "properties" object at its root`);
    for (const [type, node] of Object.entries(properties as Record<string, unknown>)) {
      const schema = toNode(node);
      if (merged[type] !== undefined && JSON.stringify(merged[type]) !== JSON.stringify(schema)) {
        throw new Error(`collector "${type}" is declared differently in ${origin[type]} and ${file}`);
      }
      merged[type] = schema;
      origin[type] = file;
    }
  }
  return merged;
}

/** The stored file's `{ properties: {...} }` wrapping of objects, unwrapped into the filter's node language. */
function toNode(node: unknown): SchemaNode {
  if (!node || typeof node !== 'object') return node as SchemaNode;
  const n = node as Record<string, unknown>;
  if (n.properties && typeof n.properties === 'object') {
    const fields: Record<string, SchemaNode> = {};
    for (const [key, child] of Object.entries(n.properties as Record<string, unknown>)) fields[key] = toNode(child);
    return fields;
  }
  if (n.type === 'array') return { type: 'array', items: toNode(n.items) };
  return node as SchemaNode;
}

const countSchema = 'long' as const;
const keywordCountList = (name: string): SchemaNode => ({ type: 'array', items: { [name]: 'keyword', count: countSchema } });

/**
 * The whole report: the envelope of `get_local_stats.ts` with the collectors' schemas under
 * `stack_stats.opensearch_dashboards.plugins`, and the saved-object counts (collector
 * `opensearchDashboards`, without its `index`) at the top of `opensearch_dashboards`.
 */
export function buildReportSchema(collectors: CollectorSchemas): SchemaNode {
  const plugins: Record<string, SchemaNode> = { ...RUNTIME_COLLECTOR_SCHEMAS };
  for (const [type, schema] of Object.entries(collectors)) {
    if (type !== SAVED_OBJECT_COUNTS_TYPE) plugins[type] = schema;
  }
  const savedObjectCounts = { ...((collectors[SAVED_OBJECT_COUNTS_TYPE] as Record<string, SchemaNode>) ?? {}) };
  delete savedObjectCounts.index;
  return {
    timestamp: 'date',
    cluster_uuid: 'keyword',
    cluster_name: 'keyword',
    version: 'keyword',
    collection: 'keyword',
    collectionSource: 'keyword',
    cluster_stats: 'any',
    license: 'any',
    stack_stats: {
      opensearch_dashboards: {
        ...savedObjectCounts,
        count: 'long',
        indices: 'long',
        os: {
          platforms: keywordCountList('platform'),
          platformReleases: keywordCountList('platformRelease'),
          distros: keywordCountList('distro'),
          distroReleases: keywordCountList('distroRelease'),
        },
        versions: keywordCountList('version'),
        plugins,
      },
    },
  };
}

/** Every leaf path a collector declares (`*` for a dynamic key, `[]` for array items), for the coverage. Pure. */
export function declaredLeafPaths(node: SchemaNode, prefix = ''): string[] {
  const parsed = parseNode(node);
  if (parsed.kind === 'leaf') return [prefix];
  if (parsed.kind === 'array') return declaredLeafPaths(parsed.items, `${prefix}[]`);
  const out: string[] = [];
  for (const key of Object.keys(parsed.fields)) {
    if (key === META_KEY) continue;
    out.push(...declaredLeafPaths(parsed.fields[key] as SchemaNode, prefix ? `${prefix}.${key === DYNAMIC_KEY ? '*' : key}` : key === DYNAMIC_KEY ? '*' : key));
  }
  return out;
}

export type ParsedNode =
  | { kind: 'leaf'; type: LeafType }
  | { kind: 'array'; items: SchemaNode }
  | { kind: 'object'; fields: Record<string, SchemaNode> };

/** Same reading as usage_collection's `parseNode`: a string `type` makes a leaf (or an array). Pure. */
export function parseNode(node: SchemaNode): ParsedNode {
  if (typeof node === 'string') return { kind: 'leaf', type: node };
  const type = (node as { type?: unknown }).type;
  if (type === 'array') return { kind: 'array', items: (node as { items: SchemaNode }).items };
  if (typeof type === 'string') return { kind: 'leaf', type: type as LeafType };
  return { kind: 'object', fields: node as Record<string, SchemaNode> };
}

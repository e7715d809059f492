import type { API, Client } from '@opensearch-project/opensearch';
import { compareRows, toAggregateKey } from '../aggregate_query';
import { SavedObjectsBackendError, type SavedObjectsAggregateRow, type SavedObjectsBackendAggregateQuery } from '../types';
import type { SortTarget } from './opensearch_mappings';

/** Buckets per composite page, and the most groups a query may walk before it is refused as unbounded. */
const COMPOSITE_PAGE = 1000;
export const MAX_COMPOSITE_GROUPS = 100_000;

/** How a top-level attribute of the type is indexed (undefined: not indexed; null: not aggregatable). */
export type ResolveField = (field: string) => SortTarget | undefined | null;

export interface RunAggregateOptions {
  client: Client;
  index: string;
  query: SavedObjectsBackendAggregateQuery;
  resolve: ResolveField;
}

type Plan = { kind: 'composite'; fields: Record<string, string> } | { kind: 'script' };

/**
 * Composite terms + sum when every grouped attribute is an indexed keyword or number and every summed
 * one a number: the cluster groups from doc values. Otherwise (an attribute the type does not index,
 * as `dynamic: false` types do; a date whose doc value is no longer the stored string) a scripted
 * metric groups from `_source` inside the cluster, so the answer is the same rows SQLite gives.
 */
function plan(query: SavedObjectsBackendAggregateQuery, resolve: ResolveField): Plan {
  const fields: Record<string, string> = {};
  for (const field of query.groupBy) {
    const target = resolve(field);
    if (!target || (target.kind !== 'string' && target.kind !== 'number')) return { kind: 'script' };
    fields[field] = target.field;
  }
  for (const field of query.sum) {
    const target = resolve(field);
    if (!target || target.kind !== 'number') return { kind: 'script' };
    fields[field] = target.field;
  }
  const range = query.filter?.range;
  const rangeTarget = range ? resolve(range.field) : undefined;
  if (range && (!rangeTarget || (rangeTarget.kind !== 'string' && rangeTarget.kind !== 'date'))) return { kind: 'script' };
  for (const field of Object.keys(query.filter?.anyOf?.[0] ?? {})) {
    const target = resolve(field);
    if (!target || (target.kind !== 'string' && target.kind !== 'number')) return { kind: 'script' };
    fields[field] = target.field;
  }
  return { kind: 'composite', fields };
}

/** The documents of the type, within the range when the range attribute is indexed as a string or date. */
function buildQuery(query: SavedObjectsBackendAggregateQuery, resolve: ResolveField, fields?: Record<string, string>) {
  const filter: unknown[] = [{ term: { type: query.type } }];
  const range = query.filter?.range;
  const target = range ? resolve(range.field) : undefined;
  if (range && target && (target.kind === 'string' || target.kind === 'date')) {
    const bounds = { ...(range.gte !== undefined && { gte: range.gte }), ...(range.lt !== undefined && { lt: range.lt }) };
    filter.push({ range: { [target.field]: bounds } });
  }
  const anyOf = query.filter?.anyOf;
  if (anyOf && fields) {
    filter.push({
      bool: {
        minimum_should_match: 1,
        should: anyOf.map((entry) => ({
          bool: { filter: Object.entries(entry).map(([field, value]) => ({ term: { [fields[field]]: value } })) },
        })),
      },
    });
  }
  return { bool: { filter } };
}

async function search(client: Client, index: string, body: Record<string, unknown>) {
  const { body: result } = await client.search({
    index,
    allow_partial_search_results: false,
    body: { size: 0, track_total_hits: false, ...body },
  } as unknown as API.Search_Request);
  return result as unknown as { aggregations?: Record<string, any> };
}

async function runComposite(options: RunAggregateOptions, fields: Record<string, string>) {
  const { client, index, query, resolve } = options;
  const sources = query.groupBy.map((field, i) => ({ [`k${i}`]: { terms: { field: fields[field], missing_bucket: true } } }));
  const aggs = Object.fromEntries(query.sum.map((field, i) => [`s${i}`, { sum: { field: fields[field] } }]));
  const rows: SavedObjectsAggregateRow[] = [];
  let after: Record<string, unknown> | undefined;
  // Buckets come in key order, so without another order the first `size` of them are the answer.
  const enough = query.orderBy ? MAX_COMPOSITE_GROUPS : query.size;
  do {
    const result = await search(client, index, {
      query: buildQuery(query, resolve, fields),
      aggs: { groups: { composite: { size: COMPOSITE_PAGE, sources, ...(after && { after }) }, aggs } },
    });
    const groups = result.aggregations?.groups;
    for (const bucket of groups?.buckets ?? []) {
      rows.push({
        keys: Object.fromEntries(query.groupBy.map((field, i) => [field, toAggregateKey(bucket.key[`k${i}`])])),
        sums: Object.fromEntries(query.sum.map((field, i) => [field, Number(bucket[`s${i}`]?.value ?? 0)])),
        docCount: bucket.doc_count,
      });
    }
    after = (groups?.buckets?.length ?? 0) === COMPOSITE_PAGE ? groups?.after_key : undefined;
  } while (after && rows.length < enough);
  if (after && query.orderBy) {
    throw SavedObjectsBackendError.badRequest(`aggregate: more than ${MAX_COMPOSITE_GROUPS} groups to order; narrow the filter`);
  }
  return rows;
}

/*
 * Painless over `_source`: the filter again (the range may not be indexed), then one entry per group,
 * keyed by a length-prefixed encoding of its values so that no two groups share a key.
 */
const MAP_SCRIPT = `
def src = params['_source'][params.type];
if (src == null) { return; }
if (params.range != null) {
  def v = src[params.range.field];
  if (!(v instanceof String)) { return; }
  if (params.range.gte != null && v.compareTo(params.range.gte) < 0) { return; }
  if (params.range.lt != null && v.compareTo(params.range.lt) >= 0) { return; }
}
if (params.anyOf != null) {
  boolean hit = false;
  for (def entry : params.anyOf) {
    boolean all = true;
    for (def f : entry.keySet()) {
      def v = src[f]; def want = entry[f];
      boolean same = v instanceof String ? v.equals(want)
        : (v instanceof Number && want instanceof Number && v.doubleValue() == want.doubleValue());
      if (!same) { all = false; break; }
    }
    if (all) { hit = true; break; }
  }
  if (!hit) { return; }
}
List keys = new ArrayList();
StringBuilder id = new StringBuilder();
for (def f : params.groupBy) {
  def v = src[f];
  String part;
  if (v instanceof String) { part = 's' + v; }
  else if (v instanceof Number) { part = 'd' + v.doubleValue(); }
  else { v = null; part = 'n'; }
  keys.add(v);
  id.append(part.length()).append(':').append(part);
}
String k = id.toString();
def g = state.groups[k];
if (g == null) {
  List sums = new ArrayList();
  for (def f : params.sum) { sums.add(0.0); }
  g = ['keys': keys, 'sums': sums, 'count': 0L];
  state.groups[k] = g;
}
for (int i = 0; i < params.sum.size(); i++) {
  def v = src[params.sum[i]];
  if (v instanceof Number) { g.sums.set(i, g.sums.get(i) + v.doubleValue()); }
}
g.count += 1;
`;

const REDUCE_SCRIPT = `
Map out = new HashMap();
for (def s : states) {
  if (s == null) { continue; }
  for (def e : s.entrySet()) {
    def g = out[e.getKey()];
    if (g == null) { out[e.getKey()] = e.getValue(); continue; }
    for (int i = 0; i < g.sums.size(); i++) { g.sums.set(i, g.sums.get(i) + e.getValue().sums.get(i)); }
    g.count += e.getValue().count;
  }
}
return new ArrayList(out.values());
`;

async function runScript(options: RunAggregateOptions) {
  const { client, index, query, resolve } = options;
  // Absent rather than null: the cluster copies params and refuses null values.
  const params = {
    type: query.type,
    groupBy: query.groupBy,
    sum: query.sum,
    ...(query.filter?.range && { range: query.filter.range }),
    ...(query.filter?.anyOf && { anyOf: query.filter.anyOf }),
  };
  const result = await search(client, index, {
    query: buildQuery(query, resolve),
    aggs: {
      groups: {
        scripted_metric: {
          init_script: 'state.groups = new HashMap();',
          map_script: MAP_SCRIPT,
          combine_script: 'return state.groups;',
          reduce_script: REDUCE_SCRIPT,
          params,
        },
      },
    },
  });
  const groups = (result.aggregations?.groups?.value ?? []) as Array<{ keys: unknown[]; sums: number[]; count: number }>;
  return groups.map((g) => ({
    keys: Object.fromEntries(query.groupBy.map((field, i) => [field, toAggregateKey(g.keys[i])])),
    sums: Object.fromEntries(query.sum.map((field, i) => [field, Number(g.sums[i] ?? 0)])),
    docCount: Number(g.count),
  }));
}

/** Runs an aggregate query (checked beforehand); rows ordered as `compareRows` says, at most `size`. */
export async function runAggregate(options: RunAggregateOptions): Promise<SavedObjectsAggregateRow[]> {
  const chosen = plan(options.query, options.resolve);
  const rows = chosen.kind === 'composite' ? await runComposite(options, chosen.fields) : await runScript(options);
  return rows.sort(compareRows(options.query)).slice(0, options.query.size);
}

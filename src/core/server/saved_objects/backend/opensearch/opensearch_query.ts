import { assertValidFieldPath } from '../field_paths';
import { parseSimpleQuery, type SimpleQueryClause } from '../simple_query';
import { SavedObjectsBackendError, type SavedObjectsBackendFindQuery } from '../types';
import type { SortTarget } from './opensearch_mappings';

type Json = Record<string, unknown>;

/** Finds where a type's attribute sorts; see resolveSortTarget. */
export type SortResolver = (type: string, segments: string[]) => SortTarget | undefined | null;

export interface FindRequest {
  query: Json;
  sort: Json[];
  /** Scores are wanted (a search) although the sort is not by score. */
  trackScores: boolean;
}

const isSearching = (query: SavedObjectsBackendFindQuery) =>
  query.search !== undefined && query.search.trim().length > 0;

/**
 * Translates a backend find into an OpenSearch query and sort, with the SQLite backend's
 * semantics: the same filters, the same order, `_id` as the final tie-breaker (SQLite's
 * `raw_id`), so paging walks the same sequence on both stores.
 */
export function buildFindRequest(
  query: SavedObjectsBackendFindQuery,
  resolveSort: SortResolver
): FindRequest {
  const filter: Json[] = [{ terms: { type: query.types } }];
  if (query.hasReference && query.hasReference.length > 0) {
    filter.push({
      bool: {
        should: query.hasReference.map((ref) => ({
          nested: {
            path: 'references',
            query: {
              bool: {
                filter: [{ term: { 'references.type': ref.type } }, { term: { 'references.id': ref.id } }],
              },
            },
          },
        })),
        minimum_should_match: 1,
      },
    });
  }
  const bool: Json = { filter };
  if (isSearching(query)) {
    bool.must = [buildSearchQuery(query)];
  }
  const sort = buildSort(query, resolveSort);
  return { query: { bool }, sort, trackScores: isSearching(query) && Boolean(query.sortField) };
}

/** The fields a search looks in: attributes of every type (all, or `searchFields`), plus root ones. */
export function searchFieldsOf(query: SavedObjectsBackendFindQuery): string[] {
  const attributes =
    query.searchFields && query.searchFields.length > 0
      ? query.types.flatMap((type) => query.searchFields!.map((field) => `${type}.${field}`))
      : query.types.map((type) => `${type}.*`);
  return [...attributes, ...(query.rootSearchFields ?? [])];
}

/**
 * The search string as a bool query. It is parsed with the shared parser (simple_query.ts) and each
 * term becomes its own `simple_query_string`, instead of sending the string whole: with the `OR`
 * operator OpenSearch reads `traffic -map` as "traffic, or anything without map", while saved
 * objects callers (and the SQLite store) mean "traffic but not map". Exclusions are `must_not`.
 */
export function buildSearchQuery(query: SavedObjectsBackendFindQuery): Json {
  const parsed = parseSimpleQuery(query.search ?? '');
  const fields = searchFieldsOf(query);
  const positive = parsed.clauses.filter((c) => !c.negated).map((c) => clauseQuery(c, fields));
  const negative = parsed.clauses.filter((c) => c.negated).map((c) => clauseQuery(c, fields));
  const bool: Json = {};
  if (negative.length > 0) {
    bool.must_not = negative;
  }
  if (positive.length > 0 && query.defaultSearchOperator === 'AND') {
    bool.must = positive;
  } else if (positive.length > 0 && !parsed.matchAll) {
    bool.should = positive;
    bool.minimum_should_match = 1;
  } else {
    // Only exclusions, or a bare `*` with OR: everything matches, and the terms (if any) only rank.
    bool.must = [{ match_all: {} }];
    if (positive.length > 0) {
      bool.should = positive;
    }
  }
  return { bool };
}

/** One parsed term. Tokens are letters, digits and `_` only, so nothing needs escaping. */
export function clauseQuery(clause: SimpleQueryClause, fields: string[]): Json {
  const text = clause.tokens.join(' ');
  if (clause.tokens.length > 1 && clause.prefix) {
    // simple_query_string has no prefix phrase; multi_match does.
    return { multi_match: { query: text, type: 'phrase_prefix', fields, lenient: true } };
  }
  const sqs = clause.tokens.length > 1 ? `"${text}"` : clause.prefix ? `${text}*` : text;
  return { simple_query_string: { query: sqs, fields, lenient: true, default_operator: 'and' } };
}

const MISSING_LAST_NUMBER = { asc: Number.MAX_VALUE, desc: -Number.MAX_VALUE };
// Script sorts cannot say "missing last", so missing values get the value that sorts last.
const MISSING_LAST_STRING = { asc: '\uffff\uffff\uffff\uffff', desc: '' };

const ID_SCRIPT =
  "String raw = doc['_id'].value; int i = raw.indexOf(':'); return i < 0 ? raw : raw.substring(i + 1);";

// One sort value per document, read from its own type's field (params.fields: type → field).
const FIELD_SCRIPT_STRING =
  "String f = params.fields[doc['type'].value]; " +
  'if (f == null || !doc.containsKey(f) || doc[f].size() == 0) { return params.missing; } ' +
  'return doc[f].value;';
const FIELD_SCRIPT_NUMBER =
  "String f = params.fields[doc['type'].value]; " +
  'if (f == null || !doc.containsKey(f) || doc[f].size() == 0) { return params.missing; } ' +
  'def v = doc[f].value; if (v instanceof Number) { return ((Number) v).doubleValue(); } ' +
  'if (v instanceof Boolean) { return v ? 1 : 0; } return v.toInstant().toEpochMilli();';

/** The sort clauses, always ending with a unique key so that `search_after` is exact. */
export function buildSort(query: SavedObjectsBackendFindQuery, resolveSort: SortResolver): Json[] {
  const order = query.sortOrder ?? 'asc';
  const tieBreaker = { _id: { order: 'asc' } };
  const { sortField, types } = query;
  if (!sortField) {
    return isSearching(query) ? [{ _score: { order: 'desc' } }, tieBreaker] : [tieBreaker];
  }
  if (sortField === 'type') {
    return [{ type: { order } }, tieBreaker];
  }
  if (sortField === 'updated_at') {
    return [{ updated_at: { order, missing: '_last' } }, tieBreaker];
  }
  if (sortField === 'id') {
    // One type: the raw id sorts as the id (same prefix). Several: strip the `<type>:` prefix.
    return types.length === 1
      ? [{ _id: { order } }]
      : [{ _script: { type: 'string', order, script: { lang: 'painless', source: ID_SCRIPT } } }, tieBreaker];
  }
  const segments = assertValidFieldPath(sortField);
  const targets = types.map((type) => {
    const target = resolveSort(type, segments);
    if (target === null) {
      throw SavedObjectsBackendError.badRequest(
        `Cannot sort on [${sortField}]: type [${type}] maps it to a field that cannot be sorted`
      );
    }
    return { type, target };
  });
  const mapped = targets.filter((t): t is { type: string; target: SortTarget } => !!t.target);
  if (mapped.length === 0) {
    // Unmapped everywhere: every document is missing the value, so only the tie-breaker orders.
    return [tieBreaker];
  }
  if (types.length === 1) {
    return [{ [mapped[0].target.field]: { order, missing: '_last' } }, tieBreaker];
  }
  const kinds = new Set(mapped.map((t) => (t.target.kind === 'string' ? 'string' : 'number')));
  if (kinds.size > 1) {
    throw SavedObjectsBackendError.badRequest(
      `Cannot sort on [${sortField}] across types: it holds text in some and numbers in others`
    );
  }
  const kind = kinds.has('string') ? 'string' : 'number';
  const fields = Object.fromEntries(mapped.map((t) => [t.type, t.target.field]));
  const missing = kind === 'string' ? MISSING_LAST_STRING[order] : MISSING_LAST_NUMBER[order];
  const source = kind === 'string' ? FIELD_SCRIPT_STRING : FIELD_SCRIPT_NUMBER;
  return [
    { _script: { type: kind, order, script: { lang: 'painless', source, params: { fields, missing } } } },
    tieBreaker,
  ];
}

import { readPath } from './field_paths';

/**
 * The subset of OpenSearch's simple query string that saved objects callers use, evaluated in
 * process for stores without a search engine:
 *   word          a token equal to `word` (case-insensitive)
 *   pre*          a token starting with `pre`
 *   "two words"   the tokens in sequence, within one field value
 *   -word         excludes matches (works with the other forms too)
 *   *             everything
 * Text is split into tokens the way the standard analyzer roughly does (letters, digits and `_`,
 * lowercased). A term that splits into several tokens (`foo-bar`) is matched as a phrase.
 * `+`, `|` and parentheses are accepted and ignored; the operator between terms is the default one.
 */
export interface SimpleQueryClause {
  tokens: string[];
  /** The last token is a prefix. */
  prefix: boolean;
  negated: boolean;
}

export interface ParsedSimpleQuery {
  clauses: SimpleQueryClause[];
  /** A bare `*` was present. */
  matchAll: boolean;
}

const TOKEN = /[\p{L}\p{N}_]+/gu;

export function tokenize(text: string): string[] {
  return text.toLowerCase().match(TOKEN) ?? [];
}

export function parseSimpleQuery(query: string): ParsedSimpleQuery {
  const clauses: SimpleQueryClause[] = [];
  let matchAll = false;
  let i = 0;
  while (i < query.length) {
    const ch = query[i];
    if (/\s/.test(ch) || ch === '+' || ch === '|' || ch === '(' || ch === ')') {
      i++;
      continue;
    }
    let negated = false;
    if (ch === '-') {
      negated = true;
      i++;
    }
    if (query[i] === '"') {
      const end = query.indexOf('"', i + 1);
      const stop = end === -1 ? query.length : end;
      const tokens = tokenize(query.slice(i + 1, stop));
      if (tokens.length > 0) {
        clauses.push({ tokens, prefix: false, negated });
      }
      i = stop + 1;
      continue;
    }
    let end = i;
    while (end < query.length && !/[\s()|"]/.test(query[end])) {
      end++;
    }
    const word = query.slice(i, end);
    i = end;
    if (word === '*') {
      if (!negated) {
        matchAll = true;
      }
      continue;
    }
    const prefix = word.endsWith('*');
    const tokens = tokenize(prefix ? word.slice(0, -1) : word);
    if (tokens.length > 0) {
      clauses.push({ tokens, prefix, negated });
    }
  }
  return { clauses, matchAll };
}

/** True when `tokens` (one field value) contains the clause. */
function clauseMatchesValue(clause: SimpleQueryClause, tokens: string[]): boolean {
  const n = clause.tokens.length;
  for (let start = 0; start + n <= tokens.length; start++) {
    let ok = true;
    for (let k = 0; k < n && ok; k++) {
      const wanted = clause.tokens[k];
      const actual = tokens[start + k];
      ok = clause.prefix && k === n - 1 ? actual.startsWith(wanted) : actual === wanted;
    }
    if (ok) {
      return true;
    }
  }
  return false;
}

/**
 * Scores one document given the token lists of its searched field values: 0 when it does not
 * match, else the number of positive clauses it matched (at least 1). With `AND` every positive
 * clause must match; with `OR` one is enough. A matched negated clause always excludes.
 */
export function scoreDocument(
  query: ParsedSimpleQuery,
  operator: 'AND' | 'OR',
  values: string[][]
): number {
  let positives = 0;
  let matched = 0;
  for (const clause of query.clauses) {
    const hit = values.some((tokens) => clauseMatchesValue(clause, tokens));
    if (clause.negated) {
      if (hit) {
        return 0;
      }
      continue;
    }
    positives++;
    if (hit) {
      matched++;
    } else if (operator === 'AND') {
      return 0;
    }
  }
  if (query.matchAll) {
    return matched + 1;
  }
  if (positives === 0) {
    // Only exclusions: everything not excluded matches.
    return 1;
  }
  return matched;
}

/** Collects the searchable text of a value: strings, numbers and booleans, through arrays and objects. */
export function collectTexts(value: unknown, out: string[][]) {
  if (value == null) {
    return;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    out.push(tokenize(String(value)));
  } else if (Array.isArray(value)) {
    for (const item of value) {
      collectTexts(item, out);
    }
  } else if (typeof value === 'object') {
    for (const item of Object.values(value as Record<string, unknown>)) {
      collectTexts(item, out);
    }
  }
}

/** A parsed search plus where to look, ready to score documents one by one. */
export interface DocumentSearch {
  query: ParsedSimpleQuery;
  operator: 'AND' | 'OR';
  /** Attribute fields (dotted, `^boost` ignored); every attribute when empty or absent. */
  searchFields?: string[];
  /** Root `_source` fields searched as well. */
  rootSearchFields?: string[];
}

/**
 * Scores one document for `search`. `root` is a function so callers that store the root fields
 * separately (as JSON) only parse them when root fields are searched.
 */
export function scoreDocumentSearch(
  search: DocumentSearch,
  attributes: unknown,
  root: () => unknown
): number {
  const values: string[][] = [];
  if (search.searchFields && search.searchFields.length > 0) {
    for (const field of search.searchFields) {
      collectTexts(readPath(attributes, field), values);
    }
  } else {
    collectTexts(attributes, values);
  }
  if (search.rootSearchFields && search.rootSearchFields.length > 0) {
    const source = root();
    for (const field of search.rootSearchFields) {
      collectTexts(readPath(source, field), values);
    }
  }
  return scoreDocument(search.query, search.operator, values);
}

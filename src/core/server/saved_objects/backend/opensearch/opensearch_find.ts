import type { API, Client } from '@opensearch-project/opensearch';
import { pickFields } from '../field_paths';
import type { SavedObjectsRawDocSource, SavedObjectsStoredDoc } from '../types';
import { toStoredDoc } from './opensearch_docs';
import type { FindRequest } from './opensearch_query';

/** OpenSearch's default `index.max_result_window`: `from + size` beyond it is refused. */
export const DEFAULT_MAX_RESULT_WINDOW = 10_000;
/** How long a point in time stays open between two pages of one deep find. */
const PIT_KEEP_ALIVE = '1m';

export interface SearchHit {
  _id: string;
  _score?: number | null;
  _source?: SavedObjectsRawDocSource;
  _seq_no?: number;
  _primary_term?: number;
  sort?: unknown[];
}

interface SearchBody {
  pit_id?: string;
  hits?: { total?: { value: number } | number; hits?: SearchHit[] };
}

export interface FindPage {
  total: number;
  hits: SearchHit[];
}

export interface RunFindOptions {
  client: Client;
  index: string;
  request: FindRequest;
  from: number;
  size: number;
  maxResultWindow?: number;
}

const totalOf = (body: SearchBody) => {
  const total = body.hits?.total;
  return typeof total === 'number' ? total : (total?.value ?? 0);
};

/**
 * Runs a find for hits [from, from + size). Within the result window it is one plain search. Past
 * it (OpenSearch refuses `from + size > 10,000`), it opens a point in time, so every page comes
 * from one snapshot as SQLite's read transaction does, and walks it with `search_after`: pages
 * before `from` ask for sort values only, then the wanted hits are fetched in full. The sort always
 * ends with `_id`, so `search_after` never skips or repeats a document.
 */
export async function runFind(options: RunFindOptions): Promise<FindPage> {
  const { client, index, request, from, size } = options;
  const window = options.maxResultWindow ?? DEFAULT_MAX_RESULT_WINDOW;
  const common = {
    query: request.query,
    sort: request.sort,
    track_scores: request.trackScores,
    seq_no_primary_term: true,
  };
  if (size === 0 || from + size <= window) {
    const { body } = await client.search({
      index,
      allow_partial_search_results: false,
      body: { ...common, from: size === 0 ? 0 : from, size, track_total_hits: true },
    } as unknown as API.Search_Request);
    const result = body as unknown as SearchBody;
    return { total: totalOf(result), hits: result.hits?.hits ?? [] };
  }

  const { body: pit } = await client.createPit({
    index: [index],
    keep_alive: PIT_KEEP_ALIVE,
    allow_partial_pit_creation: false,
  });
  let pitId = pit.pit_id;
  try {
    let total: number | undefined;
    let searchAfter: unknown[] | undefined;
    let position = 0;
    const hits: SearchHit[] = [];
    while (position < from + size) {
      const fetching = position >= from;
      const chunk = Math.min(window, (fetching ? from + size : from) - position);
      const { body } = await client.search({
        allow_partial_search_results: false,
        // Skipped pages need only their sort values: keep the response small.
        ...(fetching ? {} : { filter_path: ['pit_id', 'hits.total', 'hits.hits.sort'] }),
        body: {
          ...common,
          pit: { id: pitId, keep_alive: PIT_KEEP_ALIVE },
          size: chunk,
          track_total_hits: total === undefined,
          _source: fetching,
          ...(searchAfter && { search_after: searchAfter }),
        },
      } as unknown as API.Search_Request);
      const result = body as unknown as SearchBody;
      pitId = result.pit_id ?? pitId;
      total ??= totalOf(result);
      const page = result.hits?.hits ?? [];
      if (fetching) {
        hits.push(...page);
      }
      position += page.length;
      if (page.length < chunk) {
        break;
      }
      searchAfter = page[page.length - 1].sort;
    }
    return { total: total ?? 0, hits };
  } finally {
    // Best effort: an unreleased point in time expires after its keep-alive anyway.
    await client.deletePit({ body: { pit_id: [pitId] } }).catch(() => undefined);
  }
}

/** A find's hits as stored documents with their score; `fields` picked here, not by _source filtering, so the rules are exactly SQLite's. */
export function toFindHits(hits: SearchHit[], fields?: string[]): Array<SavedObjectsStoredDoc & { _score: number }> {
  return hits.map((hit) => {
    const doc = toStoredDoc({ ...hit, found: true });
    if (fields) doc._source[doc._source.type] = pickFields(doc._source[doc._source.type], fields);
    return { ...doc, _score: hit._score ?? 0 };
  });
}

import type { API, Client } from '@opensearch-project/opensearch';
import { pickFields } from '../field_paths';
import {
  SavedObjectsBackendError,
  type SavedObjectsBackendScanPage,
  type SavedObjectsBackendScanQuery,
  type SavedObjectsStoredDoc,
} from '../types';
import { DEFAULT_MAX_RESULT_WINDOW, type SearchHit } from './opensearch_find';
import { toStoredDoc } from './opensearch_docs';

/** The root `_source` fields a saved object is built from; with `fields`, only these and the picked attributes travel. */
const ROOT_FIELDS = ['type', 'references', 'namespace', 'namespaces', 'originId', 'migrationVersion', 'updated_at'];
/** How long a scan's point in time lives between two pages; an abandoned scan's expires after it. */
export const SCAN_KEEP_ALIVE = '1m';

/**
 * Where a scan continues. `pit`: a point in time walked in index order (`_doc`), for an index of one shard,
 * where a Lucene doc id is unique, so `search_after` on it is exact and each page reads on from there
 * (about five times less work than sorting on `_id` for every page). `id`: a keyset on `_id`, the fallback
 * for an index (or alias) of several shards; every page then sorts the whole type, but needs nothing open.
 */
type ScanCursor = { kind: 'pit'; pit: string; after?: unknown[] } | { kind: 'id'; after?: unknown[] };

export function encodeScanCursor(cursor: ScanCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeScanCursor(text: string): ScanCursor {
  try {
    const cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as ScanCursor;
    if ((cursor.kind === 'pit' && typeof cursor.pit === 'string') || cursor.kind === 'id') return cursor;
  } catch {
    // Reported below.
  }
  throw SavedObjectsBackendError.badRequest('scan: [cursor] is not a cursor this store returned');
}

export interface RunScanOptions {
  client: Client;
  index: string;
  query: SavedObjectsBackendScanQuery;
  /** Whether the index is one shard, so a point in time can be walked in doc order. */
  singleShard: boolean;
  maxResultWindow?: number;
}

/**
 * One page of a type. It asks for one hit more than the page, so the last page knows it is the last,
 * releases the point in time at once, and returns no cursor. A page larger than the result window is
 * fetched in several searches.
 */
export async function runScan({ client, index, query, singleShard, maxResultWindow }: RunScanOptions): Promise<SavedObjectsBackendScanPage> {
  const window = maxResultWindow ?? DEFAULT_MAX_RESULT_WINDOW;
  const { type, fields, size } = query;
  let cursor: ScanCursor;
  if (query.cursor !== undefined) {
    cursor = decodeScanCursor(query.cursor);
  } else if (singleShard) {
    const { body } = await client.createPit({ index: [index], keep_alive: SCAN_KEEP_ALIVE, allow_partial_pit_creation: false });
    cursor = { kind: 'pit', pit: body.pit_id };
  } else {
    cursor = { kind: 'id' };
  }
  const source = fields ? { includes: [...ROOT_FIELDS, ...fields.map((field) => `${type}.${field}`)] } : true;
  const hits: SearchHit[] = [];
  try {
    while (hits.length <= size) {
      const want = Math.min(window, size + 1 - hits.length);
      const { body } = await client.search({
        ...(cursor.kind === 'id' && { index }),
        allow_partial_search_results: false,
        body: {
          query: { bool: { filter: [{ term: { type } }] } },
          sort: cursor.kind === 'pit' ? ['_doc'] : [{ _id: { order: 'asc' } }],
          size: want,
          track_total_hits: false,
          seq_no_primary_term: true,
          _source: source,
          ...(cursor.kind === 'pit' && { pit: { id: cursor.pit, keep_alive: SCAN_KEEP_ALIVE } }),
          ...(cursor.after && { search_after: cursor.after }),
        },
      } as unknown as API.Search_Request);
      const result = body as unknown as { pit_id?: string; hits?: { hits?: SearchHit[] } };
      if (cursor.kind === 'pit' && result.pit_id) cursor.pit = result.pit_id;
      const page = result.hits?.hits ?? [];
      hits.push(...page);
      if (page.length < want) break;
      cursor.after = page[page.length - 1].sort;
    }
  } catch (error) {
    await closeScanCursor(client, cursor);
    throw error;
  }
  const docs = hits.slice(0, size).map((hit): SavedObjectsStoredDoc => {
    const doc = toStoredDoc({ ...hit, found: true });
    // _source filtering trims the transfer; pickFields applies exactly SQLite's rules.
    if (fields) doc._source[type] = pickFields(doc._source[type], fields);
    return doc;
  });
  if (hits.length <= size) {
    await closeScanCursor(client, cursor);
    return { hits: docs };
  }
  cursor.after = hits[size - 1].sort;
  return { hits: docs, cursor: encodeScanCursor(cursor) };
}

/** Releases a scan's point in time (best effort: it expires after its keep-alive anyway). */
export async function closeScanCursor(client: Client, cursor: ScanCursor) {
  if (cursor.kind !== 'pit') return;
  await client.deletePit({ body: { pit_id: [cursor.pit] } }).catch(() => undefined);
}

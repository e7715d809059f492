import type { Client } from '@opensearch-project/opensearch';
import { errors } from '@opensearch-project/opensearch';

/** One index's line of the `core` usage data (`services.savedObjects.indices`). */
export interface OpenSearchIndexUsage {
  alias: string;
  docsCount: number;
  docsDeleted: number;
  storeSizeBytes: number;
  primaryStoreSizeBytes: number;
}

interface IndexStats {
  primaries?: { docs?: { count?: number; deleted?: number }; store?: { size_in_bytes?: number } };
  total?: { store?: { size_in_bytes?: number } };
}

/**
 * Sizes of the saved objects index from `_stats` (all concrete indices behind `index` summed, as
 * `_all` does), reported under the configured name as upstream reports its alias.
 *
 * `docsCount` comes from `_count`, not from `_stats`: Lucene counts every nested `references` entry
 * as a document of its own, so `_stats` (like upstream's `_cat/indices`) would report an object
 * with three references as four. `_count` gives the number of saved objects, the figure the
 * embedded store reports too. `docsDeleted` is Lucene's (deleted, not yet merged away).
 * A missing index reports nothing (an empty list) rather than failing the whole usage payload.
 */
export async function getOpenSearchIndexUsage({
  client,
  index,
}: {
  client: Client;
  index: string;
}): Promise<OpenSearchIndexUsage[]> {
  try {
    const [{ body: stats }, { body: count }] = await Promise.all([
      client.indices.stats({ index, metric: ['docs', 'store'] }),
      client.count({ index }),
    ]);
    const all = (stats as { _all?: IndexStats })._all ?? {};
    return [
      {
        alias: index,
        docsCount: count.count ?? 0,
        docsDeleted: all.primaries?.docs?.deleted ?? 0,
        storeSizeBytes: all.total?.store?.size_in_bytes ?? 0,
        primaryStoreSizeBytes: all.primaries?.store?.size_in_bytes ?? 0,
      },
    ];
  } catch (error) {
    if (error instanceof errors.ResponseError && error.statusCode === 404) {
      return [];
    }
    throw error;
  }
}

import type { API, Client } from '@opensearch-project/opensearch';
import { errors } from '@opensearch-project/opensearch';
import type { Logger } from '../../../logging/types';
import type { SavedObjectsMappingProperties } from '../../types';
import { INDEX_SETTINGS, type SavedObjectsIndexMappings } from './opensearch_mappings';

/**
 * Makes sure the saved objects index exists with (at least) the mappings of every registered type:
 * creates it when missing, else adds the mappings of types registered since it was created (mapping
 * updates are additive; a changed field type is refused by OpenSearch and reported as is). Two
 * servers starting together may both try to create it; the loser just updates the mappings.
 * Waits until the primary shard is active, so the first request after `open()` does not fail
 * while a restarted node is still recovering the index.
 */
export async function ensureIndex(options: {
  client: Client;
  index: string;
  mappings: SavedObjectsIndexMappings;
  logger?: Logger;
}): Promise<void> {
  const { client, index, mappings, logger } = options;
  const { body: exists } = await client.indices.exists({ index });
  let created = false;
  if (!exists) {
    try {
      await client.indices.create({
        index,
        body: { settings: { index: INDEX_SETTINGS }, mappings },
      } as unknown as API.Indices_Create_Request);
      created = true;
      logger?.info(`created the saved objects index [${index}]`);
    } catch (error) {
      if (!isAlreadyExists(error)) {
        throw error;
      }
    }
  }
  if (!created) {
    try {
      await client.indices.putMapping({
        index,
        body: mappings,
      } as unknown as API.Indices_PutMapping_Request);
    } catch (error) {
      throw new Error(
        `Cannot update the mappings of the saved objects index [${index}]: ${describe(error)}`,
        { cause: error }
      );
    }
  }
  await client.cluster.health({ index, wait_for_status: 'yellow', timeout: '30s' });
}

/** The index's current attribute and root mappings (dynamic fields included). */
export async function readMappings(client: Client, index: string): Promise<SavedObjectsMappingProperties> {
  const { body } = await client.indices.getMapping({ index });
  // Keyed by concrete index: one entry, or several when `index` is an alias (merged, first wins).
  const merged: SavedObjectsMappingProperties = {};
  for (const entry of Object.values(body as Record<string, { mappings?: { properties?: SavedObjectsMappingProperties } }>)) {
    for (const [name, field] of Object.entries(entry.mappings?.properties ?? {})) {
      merged[name] ??= field;
    }
  }
  return merged;
}

/**
 * Whether `index` is one index of one shard: then a scan can walk a point in time in doc order (Lucene doc
 * ids are unique only within a shard). An alias over several indices, or several shards, says no.
 */
export async function isSingleShard(client: Client, index: string): Promise<boolean> {
  const { body } = await client.indices.getSettings({ index, name: 'index.number_of_shards' });
  const indices = Object.values(body as Record<string, { settings?: { index?: { number_of_shards?: string } } }>);
  return indices.length === 1 && indices[0].settings?.index?.number_of_shards === '1';
}

function isAlreadyExists(error: unknown) {
  return (
    error instanceof errors.ResponseError &&
    (error.body as { error?: { type?: string } })?.error?.type === 'resource_already_exists_exception'
  );
}

function describe(error: unknown) {
  if (error instanceof errors.ResponseError) {
    const cause = (error.body as { error?: { reason?: string } })?.error;
    return cause?.reason ?? error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

import { assertAggregateQuery } from '../backend/aggregate_query';
import type { SavedObjectsBackend, SavedObjectsBackendAggregateQuery } from '../backend/types';
import type { SavedObjectsAggregateOptions, SavedObjectsAggregateResponse } from '../types';
import { callBackend } from './backend_errors';

export const AGGREGATE_DEFAULT_SIZE = 100;

/** The backend query for the options, checked once here (400 naming the option) with the backends' own rules. */
export function toAggregateQuery(options: SavedObjectsAggregateOptions): SavedObjectsBackendAggregateQuery {
  const { type, filter, groupBy, sum = [], orderBy, size = AGGREGATE_DEFAULT_SIZE } = options ?? ({} as SavedObjectsAggregateOptions);
  const query: SavedObjectsBackendAggregateQuery = {
    type,
    groupBy,
    sum,
    size,
    ...(filter !== undefined && { filter }),
    ...(orderBy !== undefined && { orderBy: { field: orderBy?.field, direction: orderBy?.direction ?? 'asc' } }),
  };
  return query;
}

/**
 * Runs an aggregation in the store. A type this repository may not read gives no rows, as `find` does; bad
 * options are a 400 before the store is asked.
 */
export async function aggregateObjects(
  backend: SavedObjectsBackend,
  allowedTypes: readonly string[],
  options: SavedObjectsAggregateOptions
): Promise<SavedObjectsAggregateResponse> {
  const query = toAggregateQuery(options);
  return callBackend('aggregate', String(query.type), async () => {
    assertAggregateQuery(query);
    if (!allowedTypes.includes(query.type)) return { rows: [] };
    return { rows: await backend.aggregate(query) };
  });
}

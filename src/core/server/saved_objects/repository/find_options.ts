import type { SavedObjectsBackendFindQuery } from '../backend/types';
import { SavedObjectsErrorHelpers } from '../errors';
import type { SavedObjectsFindOptions } from '../types';

export const FIND_DEFAULT_PAGE = 1;
export const FIND_DEFAULT_PER_PAGE = 20;

export interface NormalizedFind {
  page: number;
  perPage: number;
  /** Undefined when none of the requested types may be read: the answer is an empty page. */
  query?: SavedObjectsBackendFindQuery;
}

/**
 * Validates find options (the checks upstream's repository does, plus the paging bounds its HTTP
 * route enforces, since internal callers skip that route) and builds the backend query. Requested
 * types this repository may not read are dropped silently, as upstream does.
 */
export function normalizeFindOptions(
  options: SavedObjectsFindOptions,
  allowedTypes: readonly string[]
): NormalizedFind {
  const { type, searchFields, rootSearchFields, fields } = options;
  if (!type || (Array.isArray(type) && type.length === 0)) {
    throw SavedObjectsErrorHelpers.createBadRequestError(
      'options.type must be a string or an array of strings'
    );
  }
  if (searchFields !== undefined && !Array.isArray(searchFields)) {
    throw SavedObjectsErrorHelpers.createBadRequestError('options.searchFields must be an array');
  }
  if (rootSearchFields !== undefined && !Array.isArray(rootSearchFields)) {
    throw SavedObjectsErrorHelpers.createBadRequestError(
      'options.rootSearchFields must be an array'
    );
  }
  if (fields !== undefined && !Array.isArray(fields)) {
    throw SavedObjectsErrorHelpers.createBadRequestError('options.fields must be an array');
  }

  const page = options.page ?? FIND_DEFAULT_PAGE;
  const perPage = options.perPage ?? FIND_DEFAULT_PER_PAGE;
  if (!Number.isInteger(page) || page < 1) {
    throw SavedObjectsErrorHelpers.createBadRequestError('options.page must be an integer >= 1');
  }
  if (!Number.isInteger(perPage) || perPage < 0) {
    throw SavedObjectsErrorHelpers.createBadRequestError('options.perPage must be an integer >= 0');
  }

  const sortOrder = options.sortOrder?.toLowerCase();
  if (sortOrder !== undefined && sortOrder !== 'asc' && sortOrder !== 'desc') {
    throw SavedObjectsErrorHelpers.createBadRequestError(
      `options.sortOrder must be 'asc' or 'desc', got '${options.sortOrder}'`
    );
  }
  const operator = options.defaultSearchOperator ?? 'OR';
  if (operator !== 'AND' && operator !== 'OR') {
    throw SavedObjectsErrorHelpers.createBadRequestError(
      `options.defaultSearchOperator must be 'AND' or 'OR', got '${operator}'`
    );
  }

  const types = (Array.isArray(type) ? type : [type]).filter((t) => allowedTypes.includes(t));
  if (types.length === 0) {
    return { page, perPage };
  }

  const references = options.hasReference
    ? Array.isArray(options.hasReference)
      ? options.hasReference
      : [options.hasReference]
    : undefined;

  return {
    page,
    perPage,
    query: {
      types: [...new Set(types)],
      search: options.search,
      searchFields,
      rootSearchFields,
      defaultSearchOperator: operator,
      hasReference: references,
      sortField: options.sortField || undefined,
      sortOrder: sortOrder as 'asc' | 'desc' | undefined,
      from: perPage * (page - 1),
      size: perPage,
      fields,
    },
  };
}

import { SavedObjectsErrorHelpers } from '../../../../core/server';

/**
 * What a failed flush does with its increments: `retry` keeps them for the next flush (the store was away,
 * or anything not known to be permanent); `split` stores them one counter at a time, because the store
 * refused the batch for one bad counter (a 400: a stored count at its bound, a stored value that is not a
 * count), which would otherwise block every other counter for ever.
 */
export function onFlushFailure(error: unknown): 'retry' | 'split' {
  return SavedObjectsErrorHelpers.isBadRequestError(error) ? 'split' : 'retry';
}

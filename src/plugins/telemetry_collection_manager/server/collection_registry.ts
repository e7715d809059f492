import type { Logger } from '../../../core/server';
import type { BasicStatsPayload, CollectionConfig } from './types';

/** The registered collections, highest priority first. */
export interface CollectionRegistry {
  /** Checks and adds a collection (upstream's messages for each missing piece). */
  set<T extends BasicStatsPayload>(collection: CollectionConfig<T>): void;
  /** Every collection, highest priority first. */
  ordered(): ReadonlyArray<CollectionConfig<BasicStatsPayload>>;
}

/**
 * Throws (with upstream's wording where upstream has a check) when a collection cannot be used. Pure.
 * Unlike upstream, the getters are checked for every collection, not only for one that would be used.
 */
export function assertValidCollection(collection: unknown): asserts collection is CollectionConfig<BasicStatsPayload> {
  if (!collection || typeof collection !== 'object') throw new Error('A collection must be an object.');
  const { title, priority, statsGetter, clusterDetailsGetter, licenseGetter } = collection as Partial<CollectionConfig>;
  if (typeof priority !== 'number' || Number.isNaN(priority)) throw new Error('priority must be set.');
  if (typeof title !== 'string' || title === '') throw new Error('title must be set.');
  if (typeof statsGetter !== 'function') throw new Error('Stats getter method not set.');
  if (typeof clusterDetailsGetter !== 'function') throw new Error('Cluster UUIds method is not set.');
  if (licenseGetter !== undefined && typeof licenseGetter !== 'function') throw new Error('License getter method not set.');
}

/** A registry that keeps every valid collection, sorted by priority, and logs which one is used. */
export function createCollectionRegistry({ logger, onChange }: { logger: Logger; onChange?: () => void }): CollectionRegistry {
  const collections: Array<CollectionConfig<BasicStatsPayload>> = [];
  return {
    set(collection) {
      assertValidCollection(collection);
      if (collections.some((c) => c.priority === collection.priority)) {
        throw new Error('A Usage Getter with the same priority is already set.');
      }
      const current = collections[0];
      collections.push(collection as unknown as CollectionConfig<BasicStatsPayload>);
      collections.sort((a, b) => b.priority - a.priority);
      if (current && current.priority > collection.priority) {
        logger.info(
          `Collection "${collection.title}" (priority ${collection.priority}) is kept as a fallback: ` +
            `"${current.title}" (priority ${current.priority}) is used first.`
        );
      } else if (current) {
        logger.info(
          `Collection "${collection.title}" (priority ${collection.priority}) replaces "${current.title}" ` +
            `(priority ${current.priority}), which is kept as a fallback.`
        );
      } else {
        logger.debug(`Collection "${collection.title}" (priority ${collection.priority}) registered.`);
      }
      onChange?.();
    },
    ordered: () => collections,
  };
}

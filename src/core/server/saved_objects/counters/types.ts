/** One counter of a `SavedObjectsCounterIncrements` group. */
export interface SavedObjectsCounterIncrement {
  id: string;
  /** A safe integer (may be 0, which still creates the counter, or negative). */
  incrementBy: number;
  /** The other attributes of the object, stored only when this commit creates it. */
  upsertAttributes?: Record<string, unknown>;
}

/** Increments of one counter field of one type, e.g. every `count` of `ui-metric` one report raises. */
export interface SavedObjectsCounterIncrements {
  type: string;
  counterFieldName: string;
  counters: readonly SavedObjectsCounterIncrement[];
}

/**
 * Numbers added up over one commit into ONE new document per type and key (e.g. transactional usage that
 * a rollup reads later): `{ [keyField]: key, ...sums of values, [timeField]: the commit's time }`.
 */
export interface SavedObjectsCommitSum {
  type: string;
  keyField: string;
  key: string;
  /** Finite numbers; their sums in a commit stay within ±Number.MAX_SAFE_INTEGER. */
  values: Readonly<Record<string, number>>;
  /** The attribute that gets the commit's time (ISO 8601), when given. */
  timeField?: string;
}

/** What one call hands to the counters port; it is committed whole or refused whole. */
export interface SavedObjectsCounterSet {
  increments: readonly SavedObjectsCounterIncrements[];
  /** Created once the increments are stored, in the same commit (never again on a retry). */
  sums?: readonly SavedObjectsCommitSum[];
  /**
   * Wait this long (ms) before committing the batch this call opens, to gather more calls; 0 (default)
   * commits at the end of the current I/O phase.
   */
  lingerMs?: number;
}

/** A counter as a commit stored it: the sum of every increment of that commit. */
export interface SavedObjectsCommittedCounter {
  readonly id: string;
  readonly incrementBy: number;
}

/** Told after each commit what it stored for one type and counter field (to iterate once, synchronously). */
export type SavedObjectsCommittedCountersListener = (committed: Iterable<SavedObjectsCommittedCounter>, commitTime: Date) => void;

/**
 * The counters port (`coreStart.savedObjects.counters`): increments from any number of callers are merged
 * (the same type, id and field become one operation) and committed as one backend write at a time, on
 * either store. Every registered type is reachable (hidden ones too): this is the server's own writer.
 */
export interface SavedObjectsCounters {
  /**
   * Resolves once every increment of `set` (and its sums) is durable. Rejects with a saved-objects client
   * error: 400 for a bad argument, or when a sum of the commit would pass Number.MAX_SAFE_INTEGER (nothing
   * of the set is stored then); the store's unavailable or too-many-requests errors while it is away; the
   * store's own error for a counter it refuses. On OpenSearch a refused set may have been partly applied.
   */
  increment(set: SavedObjectsCounterSet): Promise<void>;
  /**
   * Calls `listener` after each commit that stored counters of `type`'s `counterFieldName` through `increment`
   * (the repository's single increments are not reported). Returns the unsubscribe.
   */
  onCommitted(type: string, counterFieldName: string, listener: SavedObjectsCommittedCountersListener): () => void;
  /** Resolves once every call made before it is settled. */
  flush(): Promise<void>;
}

import type { SavedObjectsBackendCounterOperation, SavedObjectsStoredDoc } from '../types';
import type { CounterItemResult } from './opensearch_counters';

interface Waiting {
  op: SavedObjectsBackendCounterOperation;
  resolve: (doc: SavedObjectsStoredDoc) => void;
  reject: (error: unknown) => void;
}

/** The most increments one group-commit `_bulk` carries; the rest wait for the next one. */
export const MAX_GROUP_SIZE = 5000;

/**
 * Group commit for single increments. An increment arriving while no counter request is in flight
 * goes out at once; increments arriving while one is in flight wait, and go out together as the
 * next `_bulk` (in arrival order, each caller getting its own item's result or error).
 *
 * Why: OpenSearch applies an update as read-modify-write guarded by the document's version, so N
 * concurrent updates of one document conflict, and each retry loses again to all but one of the
 * others: 200 concurrent calls exhaust any sensible `retry_on_conflict`. Inside a `_bulk`, items on
 * one document apply one after another on its shard and never conflict. So within this process a
 * burst costs a couple of requests (and, with `refresh: wait_for`, a couple of refresh waits)
 * instead of one racing request per call; only other processes can still race, which
 * `retry_on_conflict` absorbs.
 */
export class CounterGroupCommit {
  private waiting: Waiting[] = [];
  private inFlight = false;

  constructor(
    private readonly send: (ops: SavedObjectsBackendCounterOperation[]) => Promise<CounterItemResult[]>
  ) {}

  public run(op: SavedObjectsBackendCounterOperation): Promise<SavedObjectsStoredDoc> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ op, resolve, reject });
      if (!this.inFlight) {
        this.flush();
      }
    });
  }

  private flush() {
    const batch = this.waiting.splice(0, MAX_GROUP_SIZE);
    if (batch.length === 0) {
      this.inFlight = false;
      return;
    }
    this.inFlight = true;
    void this.send(batch.map((w) => w.op))
      .then(
        (results) =>
          results.forEach((result, i) =>
            result.ok ? batch[i].resolve(result.doc) : batch[i].reject(result.error)
          ),
        (error) => batch.forEach((w) => w.reject(error))
      )
      .finally(() => this.flush());
  }
}

import { randomBytes } from 'node:crypto';

/** Where one counter item of a `_bulk` stands in this writer's sequence: the bulk's number, the item's place. */
export interface CounterItemMark {
  /** This process's writer id. */
  w: string;
  /** The bulk's sequence number, increasing per writer. */
  s: number;
  /** The item's ordinal in the bulk, increasing. */
  k: number;
  /** Epoch ms, so marks of writers gone for a day can be pruned from the document. */
  t: number;
}

/**
 * Makes this process's counter writes exactly-once when the OpenSearch client retries a `_bulk` on
 * another node (a node dying after applying it but before answering). Every counter document keeps,
 * per writer, the mark of the last item applied; the script skips an item whose mark is not past it.
 * That test is exact only if one writer's bulks reach a document in the order they were numbered, so
 * the writer sends one counter `_bulk` at a time: `run` queues the calls (the group commits in front of
 * it already batch whatever arrives meanwhile).
 */
export class CounterWriter {
  public readonly id: string;
  private seq = 0;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(id = randomBytes(9).toString('base64url')) {
    this.id = id;
  }

  /** Runs `send` after every earlier call has settled, giving it the next bulk number. */
  public run<T>(send: (bulk: number) => Promise<T>): Promise<T> {
    const result = this.tail.then(() => send(++this.seq));
    this.tail = result.catch(() => undefined);
    return result;
  }
}

import { randomBytes } from 'node:crypto';

/** Where one counter item of a `_bulk` stands in its lane's sequence. */
export interface CounterItemMark {
  /** The lane: this process's writer id and the lane number. */
  w: string;
  /** The bulk's sequence number in its lane, increasing. */
  s: number;
  /** The item's ordinal in the bulk, increasing. */
  k: number;
  /** Epoch ms, so marks of lanes silent for a day can be pruned from the document. */
  t: number;
}

/** A lane's part of a mark: which lane, and the bulk's number in it. */
export type CounterBulkMark = Pick<CounterItemMark, 'w' | 's'>;

interface Lane {
  id: string;
  seq: number;
}

/** Lanes one process uses at most; more concurrent counter bulks wait for a free lane. */
export const MAX_COUNTER_LANES = 64;

/**
 * Makes this process's counter writes exactly-once when the OpenSearch client resends a `_bulk` to another
 * node (a node dying after applying it but before answering). Every counter document keeps, per lane, the
 * mark of the last item applied; the script skips an item whose mark is not past it (counter_script.ts).
 * That test is exact when a lane's bulks reach a document in the order they were numbered, so a lane carries
 * one bulk at a time; concurrent bulks take different lanes (a free one is reused, so a document holds at
 * most one mark per lane this process ever ran at once, and marks of lanes silent for a day are pruned).
 */
export class CounterWriter {
  public readonly id: string;
  private readonly free: Lane[] = [];
  private readonly waiting: Array<(lane: Lane) => void> = [];
  private lanes = 0;

  constructor(id = randomBytes(9).toString('base64url'), private readonly maxLanes = MAX_COUNTER_LANES) {
    this.id = id;
  }

  /** Runs `send` on a free lane with that lane's next bulk number; the lane is free again once it settles. */
  public async run<T>(send: (mark: CounterBulkMark) => Promise<T>): Promise<T> {
    const lane = await this.acquire();
    try {
      return await send({ w: lane.id, s: ++lane.seq });
    } finally {
      this.release(lane);
    }
  }

  private acquire(): Promise<Lane> | Lane {
    const lane = this.free.pop();
    if (lane) return lane;
    if (this.lanes < this.maxLanes) return { id: `${this.id}.${this.lanes++}`, seq: 0 };
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(lane: Lane) {
    const next = this.waiting.shift();
    if (next) next(lane);
    else this.free.push(lane);
  }
}

/** One stored ui-metric counter: its object id (`<appName>:<eventName>`) and its count. */
export interface UiMetricCounter {
  id: string;
  count: number;
}

/** Ranks counters: the larger count first, then the smaller id, so a selection never depends on read order. */
export function compareCounters(a: UiMetricCounter, b: UiMetricCounter): number {
  if (a.count !== b.count) return b.count - a.count;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The `limit` best-ranked counters of a stream, in bounded memory: a binary heap whose root is the worst
 * counter kept, so each offer costs O(log limit) and a counter that does not make the cut costs one
 * comparison. What was left out is only counted (how many, and the sum of their counts).
 */
export class TopCounters {
  private readonly heap: UiMetricCounter[] = [];
  public omittedKeys = 0;
  public omittedCount = 0;

  constructor(private readonly limit: number) {}

  public offer(counter: UiMetricCounter) {
    const { heap } = this;
    if (heap.length < this.limit) {
      heap.push(counter);
      this.siftUp(heap.length - 1);
      return;
    }
    // `limit` may be 0: then everything is omitted.
    if (heap.length === 0 || compareCounters(counter, heap[0]) >= 0) {
      this.omit(counter);
      return;
    }
    this.omit(heap[0]);
    heap[0] = counter;
    this.siftDown(0);
  }

  /** The kept counters, best first. */
  public sorted(): UiMetricCounter[] {
    return this.heap.slice().sort(compareCounters);
  }

  private omit(counter: UiMetricCounter) {
    this.omittedKeys++;
    // Saturates rather than lose integer precision; a count this large is itself a sign of abuse.
    this.omittedCount = Math.min(this.omittedCount + counter.count, Number.MAX_SAFE_INTEGER);
  }

  /** `heap[i]` ranks below `heap[j]` (so it belongs nearer the root). */
  private worse(i: number, j: number) {
    return compareCounters(this.heap[i], this.heap[j]) > 0;
  }

  private siftUp(i: number) {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.worse(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(i: number) {
    const n = this.heap.length;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < n && this.worse(left, worst)) worst = left;
      if (right < n && this.worse(right, worst)) worst = right;
      if (worst === i) return;
      this.swap(i, worst);
      i = worst;
    }
  }

  private swap(i: number, j: number) {
    const t = this.heap[i];
    this.heap[i] = this.heap[j];
    this.heap[j] = t;
  }
}

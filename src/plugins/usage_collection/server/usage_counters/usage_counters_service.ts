import type { Logger, SavedObjectsCounterIncrement, SavedObjectsCounterIncrements, SavedObjectsCounters } from '../../../../core/server';
import {
  counterNameProblem,
  counterTypeProblem,
  domainIdProblem,
  incrementByProblem,
  usageCounterId,
  utcDay,
  type UsageCounterKey,
} from './counter_names';
import { DEFAULT_COUNTER_TYPE, MAX_BUFFERED_COUNTERS, USAGE_COUNTERS_SAVED_OBJECT_TYPE } from './constants';
import { onFlushFailure } from './flush_policy';
import type { IncrementCounterParams, UsageCounter } from './types';

/** Core's counters port: a flush joins the same group commit as the UI-metric reports. */
type CounterPort = Pick<SavedObjectsCounters, 'increment'>;

/** One daily count waiting for a flush: its object (type and id), the names it is created with, the sum. */
interface BufferedCount {
  type: string;
  id: string;
  attributes: Record<string, string>;
  count: number;
}

export interface UsageCountersServiceOptions {
  logger: Logger;
  /** How long increments gather in memory before a flush. */
  bufferDurationMs: number;
  /** Distinct counters the buffer holds; increments of new counters past it are dropped (counted). */
  maxBufferedCounters?: number;
  now?: () => Date;
}

export interface UsageCountersStats {
  /** Distinct counters waiting for the next flush. */
  buffered: number;
  /** Flushes that stored their increments. */
  flushes: number;
  /** Flushes that failed (their increments were kept for the next one). */
  failedFlushes: number;
  /** Increments given up: the buffer was full, a sum would pass Number.MAX_SAFE_INTEGER, or the store refused the counter. */
  droppedIncrements: number;
}

/**
 * Kibana's usage counters on this platform. `createUsageCounter(domainId)` hands out counters whose
 * increments are summed in memory, per domain, name, type and UTC day (the day of the increment), and
 * stored every `bufferDurationMs` and on stop, with one `incrementCounters` batch: one daily object per
 * counter, created with its names (`upsertAttributes`). A flush is acknowledged once the store committed
 * it (both stores are durable per acknowledged write), so increments flushed survive `kill -9`; those
 * still in memory do not, as upstream's.
 *
 * A flush that fails keeps its increments for the next one (at least once: OpenSearch's `_bulk` may have
 * stored some items of a failed batch, which then count twice). The buffer is bounded; what cannot be
 * kept is counted in `droppedIncrements`.
 *
 * The same buffer takes the daily counts of committed UI metrics (`addDailyCount`, type `ui-metric-daily`):
 * one counters path, one flush, one failure policy.
 */
export class UsageCountersService {
  private readonly domains = new Map<string, UsageCounter>();
  private buffer = new Map<string, BufferedCount>();
  private port?: CounterPort;
  private timer?: NodeJS.Timeout;
  private flushing?: Promise<void>;
  private storeAway = false;
  private readonly now: () => Date;
  private readonly maxBuffered: number;
  private readonly stats = { flushes: 0, failedFlushes: 0, droppedIncrements: 0 };

  constructor(private readonly options: UsageCountersServiceOptions) {
    this.now = options.now ?? (() => new Date());
    this.maxBuffered = options.maxBufferedCounters ?? MAX_BUFFERED_COUNTERS;
  }

  /** The counter of `domainId`; throws for a bad or already registered domain. */
  public createUsageCounter = (domainId: string): UsageCounter => {
    const problem = domainIdProblem(domainId);
    if (problem) throw new Error(`usageCollection.createUsageCounter: domainId ${problem}`);
    if (this.domains.has(domainId)) {
      throw new Error(`usageCollection.createUsageCounter: a usage counter with domainId [${domainId}] is already registered`);
    }
    const counter: UsageCounter = Object.freeze({
      domainId,
      incrementCounter: (params: IncrementCounterParams) => this.increment(domainId, params),
    });
    this.domains.set(domainId, counter);
    return counter;
  };

  /** Opens the service on core's counters port (plugin start): flushes from now on, every `bufferDurationMs`. */
  public start(port: CounterPort) {
    this.port = port;
    // A tick while a flush still runs (a slow store) is skipped rather than queued.
    this.timer = setInterval(() => {
      if (!this.flushing) void this.flush();
    }, this.options.bufferDurationMs);
    // Never what keeps the process alive.
    this.timer.unref();
  }

  /** Stores what is buffered, then stops flushing. Increments made afterwards are not stored. */
  public async stop() {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  /**
   * Stores the buffered increments (one batch). Resolves when stored or, after a failure, kept for the
   * next flush; never rejects. A flush already running is waited for, then this one runs.
   */
  public async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (!this.port || this.buffer.size === 0) return;
    const flushing = this.store(this.port);
    this.flushing = flushing;
    try {
      await flushing;
    } finally {
      this.flushing = undefined;
    }
  }

  public getStats(): UsageCountersStats {
    return { buffered: this.buffer.size, ...this.stats };
  }

  private increment(domainId: string, params: IncrementCounterParams) {
    const { counterName, counterType = DEFAULT_COUNTER_TYPE, incrementBy = 1 } = params ?? ({} as IncrementCounterParams);
    const problem =
      prefixed('counterName', counterNameProblem(counterName)) ??
      prefixed('counterType', counterTypeProblem(counterType)) ??
      prefixed('incrementBy', incrementByProblem(incrementBy));
    if (problem) throw new Error(`usage counter [${domainId}]: ${problem}`);
    const key: UsageCounterKey = { domainId, counterName, counterType, date: utcDay(this.now()) };
    this.add({ type: USAGE_COUNTERS_SAVED_OBJECT_TYPE, id: usageCounterId(key), attributes: { ...key }, count: incrementBy });
  }

  /**
   * Buffers `count` for the daily counter object `type`/`id` (created with `attributes`), stored at the next
   * flush. For trusted callers inside this plugin (the UI-metric writer); false when it had to be dropped.
   */
  public addDailyCount = (type: string, id: string, attributes: Record<string, string>, count: number): boolean =>
    this.add({ type, id, attributes, count });

  /** Adds to the buffer; false (and counted as dropped) when the buffer is full or the sum would not be exact. */
  private add(entry: BufferedCount): boolean {
    const key = `${entry.type}\u0000${entry.id}`;
    const buffered = this.buffer.get(key);
    if (buffered) {
      if (buffered.count + entry.count > Number.MAX_SAFE_INTEGER) return this.drop();
      buffered.count += entry.count;
      return true;
    }
    if (this.buffer.size >= this.maxBuffered) return this.drop();
    this.buffer.set(key, { ...entry });
    return true;
  }

  private drop(): false {
    if (this.stats.droppedIncrements++ === 0) {
      this.options.logger.warn(
        `Usage counter increments are being dropped (buffer of ${this.maxBuffered} counters full, or a count at its bound); see the usage counters' stats`
      );
    }
    return false;
  }

  private async store(port: CounterPort) {
    const batch = this.buffer;
    this.buffer = new Map();
    try {
      await port.increment({ increments: toIncrements(batch.values()) });
      this.stats.flushes++;
      if (this.storeAway) {
        this.storeAway = false;
        this.options.logger.info('Usage counters are stored again');
      }
    } catch (error) {
      this.stats.failedFlushes++;
      if (onFlushFailure(error) === 'split') {
        await this.storeOneByOne(port, batch, error as Error);
        return;
      }
      this.keep(batch.values());
      if (!this.storeAway) {
        this.storeAway = true;
        this.options.logger.warn(`Could not store usage counters (${(error as Error).message}); they are kept and retried at the next flush`);
      }
    }
  }

  /** After the store refused a batch for one counter: each alone, dropping only the ones refused. */
  private async storeOneByOne(port: CounterPort, batch: Map<string, BufferedCount>, cause: Error) {
    this.options.logger.warn(`A usage counters flush was refused (${cause.message}); storing its counters one by one`);
    const entries = [...batch.values()];
    for (let i = 0; i < entries.length; i++) {
      const counter = entries[i];
      const { id } = counter;
      try {
        await port.increment({ increments: toIncrements([counter]) });
      } catch (error) {
        if (onFlushFailure(error) === 'split') {
          this.stats.droppedIncrements++;
          this.options.logger.error(`The usage counter [${id}] was refused by the store and dropped: ${(error as Error).message}`);
        } else {
          // The store went away meanwhile: the rest waits for the next flush.
          this.keep(entries.slice(i));
          return;
        }
      }
    }
    this.stats.flushes++;
  }

  /** Puts a failed batch back, merged with what arrived meanwhile. */
  private keep(counters: Iterable<BufferedCount>) {
    for (const counter of counters) this.add(counter);
  }
}

function prefixed(field: string, problem: string | undefined) {
  return problem === undefined ? undefined : `${field} ${problem}`;
}

/** The port's groups: one per type, each counter created with its names. */
function toIncrements(counts: Iterable<BufferedCount>): SavedObjectsCounterIncrements[] {
  const byType = new Map<string, { type: string; counterFieldName: string; counters: SavedObjectsCounterIncrement[] }>();
  for (const { type, id, attributes, count } of counts) {
    let group = byType.get(type);
    if (!group) byType.set(type, (group = { type, counterFieldName: 'count', counters: [] }));
    group.counters.push({ id, incrementBy: count, upsertAttributes: attributes });
  }
  return [...byType.values()];
}

import type { Logger } from '../../../../core/server';
import type { Collector } from './collector';
import { createFilterReport, filterBySchema } from './schema';
import type { CollectorFetchContext, CollectorFetchStatus, LegacyAPICaller, OpenSearchClient } from './types';

const TIMED_OUT = Symbol('timed out');

/** Settles with the promise, or with TIMED_OUT after `ms`; the timer never keeps the process alive. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), Math.max(0, ms));
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Calls `fn`, turning a synchronous throw into a rejection. */
function settle<T>(fn: () => T | Promise<T>): Promise<T> {
  return new Promise<T>((resolve) => resolve(fn()));
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/** How one collector fared in one run. */
export interface CollectorOutcome {
  type: string;
  status: CollectorFetchStatus;
  isReadyDurationMs: number;
  fetchDurationMs: number;
  /** Undeclared fields removed from the result. */
  droppedFields: number;
  /** Values of the wrong type removed from the result. */
  invalidValues: number;
  /** The schema-filtered data; set only when `status` is `succeeded` and there was data. */
  result?: unknown;
}

export interface FetchArgs {
  callCluster: LegacyAPICaller | undefined;
  opensearchClient: OpenSearchClient | undefined;
  context: CollectorFetchContext;
}

export interface CollectorRunnerOptions {
  logger: Logger;
  /** Budget of one collector: readiness check and fetch together. */
  timeoutMs: number;
  now?: () => number;
}

/**
 * Runs one collector under its time budget and isolates it: a throw, a rejection or a hang becomes a
 * status, never an error for the caller. A fetch still running from an earlier round (one that timed out)
 * is joined rather than started again, so a hung collector holds at most one pending call.
 */
export class CollectorRunner {
  private readonly log: Logger;
  private readonly now: () => number;
  private readonly pendingFetches = new Map<Collector<any, any>, Promise<unknown>>();
  private readonly warnedAboutFiltering = new Set<string>();

  constructor(private readonly options: CollectorRunnerOptions) {
    this.log = options.logger;
    this.now = options.now ?? (() => performance.now());
  }

  /** `true`, `false`, or `'timeout'`; a failing check is logged and counts as not ready. */
  public async checkReady(collector: Collector<any, any>, budgetMs = this.options.timeoutMs): Promise<boolean | 'timeout'> {
    try {
      const ready = await withTimeout(settle(() => collector.isReady()), budgetMs);
      if (ready === TIMED_OUT) return 'timeout';
      return ready === true;
    } catch (error) {
      this.log.warn(`Collector "${collector.type}" failed its readiness check: ${(error as Error)?.message ?? error}`);
      return false;
    }
  }

  public async run(collector: Collector<any, any>, args: FetchArgs): Promise<CollectorOutcome> {
    const { type } = collector;
    const started = this.now();
    const outcome: CollectorOutcome = { type, status: 'succeeded', isReadyDurationMs: 0, fetchDurationMs: 0, droppedFields: 0, invalidValues: 0 };

    const ready = await this.checkReady(collector);
    const readyAt = this.now();
    outcome.isReadyDurationMs = round(readyAt - started);
    if (ready !== true) {
      outcome.status = ready === 'timeout' ? 'not_ready_timeout' : 'not_ready';
      if (ready === 'timeout') this.log.warn(`Collector "${type}" did not answer its readiness check within ${this.options.timeoutMs} ms`);
      return outcome;
    }

    this.log.debug(`Fetching data from ${type} collector`);
    const remaining = this.options.timeoutMs - (readyAt - started);
    let data: unknown;
    try {
      data = await withTimeout(this.fetchOnce(collector, args), remaining);
    } catch (error) {
      outcome.fetchDurationMs = round(this.now() - readyAt);
      outcome.status = 'failed';
      this.log.warn(`Unable to fetch data from ${type} collector: ${(error as Error)?.stack ?? error}`);
      return outcome;
    }
    outcome.fetchDurationMs = round(this.now() - readyAt);
    if (data === TIMED_OUT) {
      outcome.status = 'timed_out';
      this.log.warn(`Collector "${type}" did not return its data within ${this.options.timeoutMs} ms; reported as timed out`);
      return outcome;
    }
    outcome.result = this.applySchema(collector, data, outcome);
    return outcome;
  }

  private fetchOnce(collector: Collector<any, any>, { callCluster, opensearchClient, context }: FetchArgs) {
    const pending = this.pendingFetches.get(collector);
    if (pending) return pending;
    const fetching = settle(() => collector.fetch(callCluster, opensearchClient, context));
    this.pendingFetches.set(collector, fetching);
    const forget = () => {
      if (this.pendingFetches.get(collector) === fetching) this.pendingFetches.delete(collector);
    };
    fetching.then(forget, forget);
    return fetching;
  }

  private applySchema(collector: Collector<any, any>, data: unknown, outcome: CollectorOutcome) {
    const schema = collector.getSchemaNode();
    if (schema === undefined || data === undefined) return data;
    const report = createFilterReport();
    const filtered = filterBySchema(data, schema, report);
    outcome.droppedFields = report.droppedFields;
    outcome.invalidValues = report.invalidValues;
    if ((report.droppedFields || report.invalidValues) && !this.warnedAboutFiltering.has(collector.type)) {
      // Once per collector: the cause is in its code, and every fetch would repeat it.
      this.warnedAboutFiltering.add(collector.type);
      this.log.warn(
        `Collector "${collector.type}" returned data its schema does not declare; left out ` +
          `${report.droppedFields} undeclared field(s) and ${report.invalidValues} value(s) of the wrong type: ${report.samples.join(', ')}`
      );
    }
    return filtered;
  }
}

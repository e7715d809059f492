import type { Subscription } from 'rxjs';
import { SavedObjectsErrorHelpers, type Logger, type SavedObjectsClientContract } from '../../../../core/server';
import type { TelemetryCollectionManagerPluginStart } from '../../../telemetry_collection_manager/server';
import { createRetryPolicy, type RetryPolicy } from '../../common/retry_policy';
import type { ReportLedger } from '../ledger';
import type { OptInService, OptInState } from '../opt_in_state';
import { createTelemetrySavedObject, updateTelemetrySavedObject } from '../telemetry_repository';
import { TelemetrySendError, type TelemetryHttpClient } from './http_client';
import { createReportDelivery, type DeliveryResult } from './report_delivery';
import type { ReportEntry } from '../ledger';
import { formatDuration } from './requests';
import { decideSend, getActiveFailureCount, getJitterMs, getMaxJitterMs, MIN_CHECK_DELAY_MS, type SenderTimings } from './send_decision';
import { reportLevelFor } from '../../common/consent';

/** While collectors are not ready, look again this soon (usageCollection stops waiting after its own limit). */
const NOT_READY_RECHECK_MS = 60000;

export interface FetcherTaskOptions {
  logger: Logger;
  url: string;
  timings: SenderTimings & { initialCheckDelayMs: number };
  currentVersion: string;
  /** Seeds the jitter of this server. */
  instanceUuid: string;
  /** `OSD_TELEMETRY_DEBUG`: log each report instead of sending it (the schedule runs as if it was sent). */
  debug: boolean;
  /** `telemetry.generateOnly`: build each report on the schedule and keep it in the ledger; send nothing. */
  generateOnly?: boolean;
  optIn: Pick<OptInService, 'refresh' | 'isOptedIn$'>;
  getSavedObjectsClient: () => Pick<SavedObjectsClientContract, 'get' | 'update' | 'create'> | undefined;
  collectionManager: Pick<TelemetryCollectionManagerPluginStart, 'getSendableReports' | 'areAllCollectorsReady'>;
  httpClient: TelemetryHttpClient;
  /** Records every report built (sent, failed or kept). */
  ledger?: Pick<ReportLedger, 'record'>;
  now?: () => number;
  /** When this server started (default: when the task is created); a failure pause recorded before it is not honoured. */
  startedAt?: number;
  /** The retry rule shared with the browser sender (default: `createRetryPolicy(timings)`). */
  retryPolicy?: RetryPolicy;
}

/** The server sender. */
export interface FetcherTask {
  /** Schedules the first check after `initialCheckDelay`, and an earlier one after an opt-in on this server. */
  start(): void;
  /** Cancels the schedule and any request in flight; resolves when the current check has ended. */
  stop(): Promise<void>;
  /** One check: sends if due. Resolves with the delay until the next check. Never rejects. */
  runCheck(): Promise<number>;
  /**
   * An admin's "send now": a fresh report, sent (or kept in generate-only mode) at once, whatever the
   * schedule, but only when the deployment is opted in (`not_opted_in` otherwise, nothing built). A success
   * counts as the interval's report. Rejects when the state cannot be read or the report cannot be built.
   */
  sendNow(): Promise<ManualSendResult>;
}

/** What `sendNow` did: nothing (with the state that forbade it), or a delivery with the ledger entries it recorded. */
export type ManualSendResult =
  | { outcome: 'not_opted_in'; state?: OptInState }
  | { outcome: 'delivered'; kept: boolean; entries: ReportEntry[] }
  | { outcome: 'failed'; error: Error; entries: ReportEntry[] };

/**
 * The server sender. Every check reads the shared `telemetry` saved object and lets `decideSend` say
 * whether a report is due. A due report is first claimed with a conditional write of
 * `lastReportAttempt` (only one server of a store wins it), then built, then posted to `telemetry.url`;
 * success records `lastReported`, failure counts against the version. Nothing is read from the network
 * and nothing is sent unless the deployment is opted in.
 */
export function createFetcherTask(options: FetcherTaskOptions): FetcherTask {
  const { logger, url, timings, currentVersion, instanceUuid, debug, optIn, collectionManager } = options;
  const generateOnly = options.generateOnly ?? false;
  const now = options.now ?? Date.now;
  const startedAt = options.startedAt ?? now();
  const retryPolicy = options.retryPolicy ?? createRetryPolicy(timings);
  let timer: NodeJS.Timeout | undefined;
  let timerDueAt = Infinity;
  let running: Promise<void> | undefined;
  let recheckSoon = false;
  let stopped = false;
  let subscription: Subscription | undefined;
  const abort = new AbortController();
  const delivery = createReportDelivery({
    logger,
    url,
    currentVersion,
    requestTimeoutMs: timings.requestTimeoutMs,
    debug,
    generateOnly,
    collectionManager,
    httpClient: options.httpClient,
    ledger: options.ledger,
    signal: abort.signal,
    now,
  });
  // One delivery at a time on this server: an admin's "send now" waits for a scheduled send in flight.
  let deliveries: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = deliveries.then(fn, fn);
    deliveries = run.catch(() => undefined);
    return run;
  };
  const done = debug ? 'logged' : generateOnly ? 'generated and kept in the ledger (telemetry.generateOnly)' : `sent to ${url}`;
  const clusters = (count: number) => `${count} cluster${count === 1 ? '' : 's'}`;

  async function claim(client: NonNullable<ReturnType<FetcherTaskOptions['getSavedObjectsClient']>>, at: number, version: string | undefined, exists: boolean) {
    const attributes = { lastReportAttempt: at };
    try {
      if (exists) await updateTelemetrySavedObject(client, attributes, { version });
      else await createTelemetrySavedObject(client, attributes);
      return true;
    } catch (error) {
      if (SavedObjectsErrorHelpers.isConflictError(error) || SavedObjectsErrorHelpers.isNotFoundError(error)) {
        logger.debug('Another server claimed this telemetry report.');
        return false;
      }
      throw error;
    }
  }

  async function record(client: Parameters<typeof updateTelemetrySavedObject>[0], attributes: Parameters<typeof updateTelemetrySavedObject>[1]) {
    try {
      await updateTelemetrySavedObject(client, attributes);
    } catch (error) {
      logger.warn(`Could not record the telemetry send in the saved object: ${(error as Error).message}`);
    }
  }

  async function check(): Promise<number> {
    const client = options.getSavedObjectsClient();
    if (!client) return timings.checkIntervalMs;
    let reading;
    try {
      reading = await optIn.refresh(client);
    } catch (error) {
      logger.warn(`Error getting telemetry configs. (${(error as Error).message})`);
      return timings.checkIntervalMs;
    }
    const { state, savedObject } = reading;
    const telemetrySavedObject = savedObject ? savedObject.attributes : savedObject;
    const lastReported = savedObject ? savedObject.attributes.lastReported : undefined;
    const decision = decideSend({
      now: now(),
      optIn: state.optIn,
      sendUsageFrom: state.sendUsageFrom,
      telemetrySavedObject,
      currentVersion,
      timings,
      jitterMs: getJitterMs(`${instanceUuid}:${lastReported ?? ''}`, getMaxJitterMs(timings.reportIntervalMs)),
      startedAt,
      retryPolicy,
    });
    if (!decision.send) {
      logger.debug(`No telemetry report now (${decision.reason}); next check in ${formatDuration(decision.nextCheckInMs)}.`);
      return decision.nextCheckInMs;
    }
    if (!(await collectionManager.areAllCollectorsReady())) {
      logger.warn('Error fetching usage. (Error: Not all collectors are ready.) The report waits for them.');
      return Math.min(NOT_READY_RECHECK_MS, timings.checkIntervalMs);
    }
    const attemptAt = now();
    if (!(await claim(client, attemptAt, savedObject ? savedObject.version : undefined, savedObject !== null))) return MIN_CHECK_DELAY_MS;

    let result: DeliveryResult;
    try {
      result = await exclusive(() => delivery.deliver({ level: reportLevelFor(state.level, 'send'), trigger: 'schedule' }));
    } catch (error) {
      const holdMs = Math.max(timings.retryDelayMs, 2 * timings.requestTimeoutMs);
      logger.warn(`Failed to build the telemetry report: ${(error as Error).message}. Next try in ${formatDuration(holdMs)}.`);
      return MIN_CHECK_DELAY_MS;
    }
    if (result.outcome === 'none') {
      logger.warn('The telemetry report was not sent: it does not say the deployment is opted in (see the telemetry collector).');
      return MIN_CHECK_DELAY_MS;
    }
    if (result.outcome === 'failed') {
      const { error } = result;
      if (error instanceof TelemetrySendError && error.kind === 'aborted') {
        await delivery.keep(result.reports);
        return MIN_CHECK_DELAY_MS;
      }
      const failures = getActiveFailureCount(telemetrySavedObject, currentVersion) + 1;
      await record(client, { reportFailureCount: failures, reportFailureVersion: currentVersion });
      // The wait the shared rule gives this failure, counted from the start of the try.
      const outlook = retryPolicy.afterFailure(failures);
      const waitFor = formatDuration(outlook.waitMs);
      const paused = outlook.paused;
      const count = paused ? `failure ${failures} in a row` : `failure ${failures} of ${retryPolicy.maxFailures} before a pause`;
      const next = paused ? `sending is paused for ${waitFor}; a restart or an opt-in change resumes it sooner` : `next try in ${waitFor}`;
      logger.warn(`Failed to send the telemetry report: ${error.message} (${count}, on ${currentVersion}; ${next}).`);
      await delivery.keep(result.reports);
      return MIN_CHECK_DELAY_MS;
    }
    // The shared state first: the ledger's writes (slower on OpenSearch) never delay what other servers read.
    await record(client, { lastReported: now(), reportFailureCount: 0 });
    logger.info(`Telemetry report ${done} (${clusters(result.reports.length)}).`);
    await delivery.keep(result.reports);
    return MIN_CHECK_DELAY_MS;
  }

  async function sendNow(): Promise<ManualSendResult> {
    const client = options.getSavedObjectsClient();
    if (!client) throw new Error('The telemetry sender has not started yet.');
    // The same consent check as every scheduled look: nothing is built, let alone sent, unless opted in.
    const { state } = await optIn.refresh(client);
    if (state.optIn !== true) return { outcome: 'not_opted_in', state };
    const result = await exclusive(() => delivery.deliver({ level: reportLevelFor(state.level, 'send'), trigger: 'manual', refresh: true }));
    if (result.outcome === 'none') return { outcome: 'not_opted_in' };
    if (result.outcome === 'failed') {
      // Told to the admin who asked; the schedule's failure count (and its pause) is left as it was.
      logger.warn(`Failed to send the telemetry report asked for through the API: ${result.error.message}.`);
      return { outcome: 'failed', error: result.error, entries: await delivery.keep(result.reports) };
    }
    await record(client, { lastReported: now(), reportFailureCount: 0 });
    logger.info(`Telemetry report ${done} on request (${clusters(result.reports.length)}).`);
    return { outcome: 'delivered', kept: result.kept, entries: await delivery.keep(result.reports) };
  }

  const runCheck = () =>
    check().catch((error) => {
      logger.warn(`The telemetry sender failed: ${(error as Error).message}`);
      return timings.checkIntervalMs;
    });

  function schedule(delayMs: number) {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timerDueAt = now() + delayMs;
    timer = setTimeout(tick, delayMs);
    timer.unref();
  }

  function tick() {
    timer = undefined;
    timerDueAt = Infinity;
    running = runCheck()
      .then((next) => {
        running = undefined;
        schedule(recheckSoon ? Math.min(next, timings.initialCheckDelayMs) : next);
        recheckSoon = false;
      })
      .catch((error) => logger.warn(`The telemetry sender could not plan its next check: ${(error as Error).message}`));
  }

  return {
    runCheck,
    sendNow,
    start() {
      schedule(timings.initialCheckDelayMs);
      subscription = optIn.isOptedIn$.subscribe((optedIn) => {
        if (!optedIn) return;
        // An opt-in on this server: look within initialCheckDelay instead of at the next planned check.
        if (running) recheckSoon = true;
        else if (timerDueAt > now() + timings.initialCheckDelayMs) schedule(timings.initialCheckDelayMs);
      });
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      subscription?.unsubscribe();
      abort.abort();
      await running;
    },
  };
}

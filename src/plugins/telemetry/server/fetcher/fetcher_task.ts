import type { Subscription } from 'rxjs';
import { SavedObjectsErrorHelpers, type Logger, type SavedObjectsClientContract } from '../../../../core/server';
import { isClusterOptedIn, type TelemetryCollectionManagerPluginStart } from '../../../telemetry_collection_manager/server';
import { MAX_REPORT_FAILURES } from '../../common/constants';
import { getFailureHoldMs } from '../../common/retry_policy';
import type { OptInService } from '../opt_in_state';
import { createTelemetrySavedObject, updateTelemetrySavedObject } from '../telemetry_repository';
import { TelemetrySendError, type TelemetryHttpClient } from './http_client';
import { buildReportRequest, formatDuration } from './requests';
import { decideSend, getActiveFailureCount, getJitterMs, getMaxJitterMs, MIN_CHECK_DELAY_MS, type SenderTimings } from './send_decision';
import { reportLevelFor } from '../../common/consent';

/** Reports cover the last 20 minutes (upstream's window; the `local` collection reports totals anyway). */
const REPORT_WINDOW_MS = 20 * 60 * 1000;
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
  optIn: Pick<OptInService, 'refresh' | 'isOptedIn$'>;
  getSavedObjectsClient: () => Pick<SavedObjectsClientContract, 'get' | 'update' | 'create'> | undefined;
  collectionManager: Pick<TelemetryCollectionManagerPluginStart, 'getStats' | 'areAllCollectorsReady'>;
  httpClient: TelemetryHttpClient;
  now?: () => number;
  /** When this server started (default: when the task is created); a failure pause recorded before it is not honoured. */
  startedAt?: number;
}

/** The server sender. */
export interface FetcherTask {
  /** Schedules the first check after `initialCheckDelay`, and an earlier one after an opt-in on this server. */
  start(): void;
  /** Cancels the schedule and any request in flight; resolves when the current check has ended. */
  stop(): Promise<void>;
  /** One check: sends if due. Resolves with the delay until the next check. Never rejects. */
  runCheck(): Promise<number>;
}

/**
 * The server sender. Every check reads the shared `telemetry` saved object and lets `decideSend` say
 * whether a report is due. A due report is first claimed with a conditional write of
 * `lastReportAttempt` (only one server of a store wins it), then built, then posted to `telemetry.url`;
 * success records `lastReported`, failure counts against the version. Nothing is read from the network
 * and nothing is sent unless the deployment is opted in.
 */
export function createFetcherTask(options: FetcherTaskOptions): FetcherTask {
  const { logger, url, timings, currentVersion, instanceUuid, debug, optIn, collectionManager, httpClient } = options;
  const now = options.now ?? Date.now;
  const startedAt = options.startedAt ?? now();
  let timer: NodeJS.Timeout | undefined;
  let timerDueAt = Infinity;
  let running: Promise<void> | undefined;
  let recheckSoon = false;
  let stopped = false;
  let subscription: Subscription | undefined;
  const abort = new AbortController();

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

  async function send(reports: unknown[]) {
    for (const report of reports) {
      if (debug) {
        logger.info(`[OSD_TELEMETRY_DEBUG] report that would be sent to ${url} (not sent):\n${JSON.stringify(report, null, 2)}`);
        continue;
      }
      await httpClient.post({ ...buildReportRequest(report, { url, version: currentVersion, timeoutMs: timings.requestTimeoutMs }), signal: abort.signal });
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

    const end = now();
    let reports: unknown[];
    try {
      const range = { start: new Date(end - REPORT_WINDOW_MS).toISOString(), end: new Date(end).toISOString() };
      // In debug mode the plain report is logged; the opted-in filter the manager applies is applied here.
      const level = reportLevelFor(state.level, 'send');
      reports = debug
        ? (await collectionManager.getStats({ unencrypted: true, level, ...range })).filter(isClusterOptedIn)
        : await collectionManager.getStats({ unencrypted: false, level, ...range });
    } catch (error) {
      const holdMs = Math.max(timings.retryDelayMs, 2 * timings.requestTimeoutMs);
      logger.warn(`Failed to build the telemetry report: ${(error as Error).message}. Next try in ${formatDuration(holdMs)}.`);
      return MIN_CHECK_DELAY_MS;
    }
    if (reports.length === 0) {
      logger.warn('The telemetry report was not sent: it does not say the deployment is opted in (see the telemetry collector).');
      return MIN_CHECK_DELAY_MS;
    }

    try {
      await send(reports);
    } catch (error) {
      if (error instanceof TelemetrySendError && error.kind === 'aborted') return MIN_CHECK_DELAY_MS;
      const failures = getActiveFailureCount(telemetrySavedObject, currentVersion) + 1;
      await record(client, { reportFailureCount: failures, reportFailureVersion: currentVersion });
      // The wait the shared rule gives this failure, counted from the start of the try.
      const waitFor = formatDuration(getFailureHoldMs(failures, timings));
      const paused = failures >= MAX_REPORT_FAILURES;
      const count = paused ? `failure ${failures} in a row` : `failure ${failures} of ${MAX_REPORT_FAILURES} before a pause`;
      const next = paused ? `sending is paused for ${waitFor}; a restart or an opt-in change resumes it sooner` : `next try in ${waitFor}`;
      logger.warn(`Failed to send the telemetry report: ${(error as Error).message} (${count}, on ${currentVersion}; ${next}).`);
      return MIN_CHECK_DELAY_MS;
    }
    await record(client, { lastReported: now(), reportFailureCount: 0 });
    logger.info(`Telemetry report ${debug ? 'logged' : `sent to ${url}`} (${reports.length} cluster${reports.length === 1 ? '' : 's'}).`);
    return MIN_CHECK_DELAY_MS;
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

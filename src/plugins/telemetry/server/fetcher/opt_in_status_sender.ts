import type { Logger } from '../../../../core/server';
import { createOptInStatusCoalescer } from '../../common/opt_in_status_coalescer';
import { TelemetrySendError, type TelemetryHttpClient } from './http_client';
import { buildOptInStatusRequest, type RequestTarget } from './requests';

/** What an opt-in announces: computed when the admin opted in (the route's request), sent later maybe. */
export type OptInStatusPayloads = () => Promise<unknown[]>;

/** Announces opt-ins to `telemetry.optInStatusUrl`, coalesced and rate limited (`common/opt_in_status_coalescer.ts`). */
export interface OptInStatusSender {
  /**
   * An opt-in on this server that today's rules announce: sent in the background at once, or, within
   * `minIntervalMs` of the last announcement, when that interval is over (the latest opt-in wins).
   * Never delays the caller; a failure is logged at warn, never thrown.
   */
  announceOptIn(getPayloads: OptInStatusPayloads): void;
  /** An opt-out on this server: drops an announcement still waiting (an opt-out itself is never sent). */
  cancelPending(): void;
  /** Drops what is waiting, cancels requests in flight and waits for them to end. */
  stop(): Promise<void>;
}

export interface OptInStatusSenderOptions extends RequestTarget {
  logger: Logger;
  httpClient: TelemetryHttpClient;
  /** `OSD_TELEMETRY_DEBUG`: log the status instead of sending it. */
  debug: boolean;
  /** `telemetry.generateOnly`: nothing leaves the server, not even an opt-in status. */
  generateOnly?: boolean;
  /** At most one announcement per this interval (`telemetry.optInStatusInterval`). */
  minIntervalMs: number;
  /**
   * Whether an announcement that waited may still go: the deployment must still be opted in with the server
   * as sender (another server may have opted out meanwhile). A rejection counts as no.
   */
  isStillAllowed: () => Promise<boolean>;
  /** A monotonic clock in ms (tests). */
  now?: () => number;
}

export function createOptInStatusSender({ logger, httpClient, debug, generateOnly = false, minIntervalMs, isStillAllowed, now, ...target }: OptInStatusSenderOptions): OptInStatusSender {
  const abort = new AbortController();

  async function post(getPayloads: OptInStatusPayloads, delayed: boolean) {
    if (delayed && !(await isStillAllowed().catch(() => false))) {
      logger.debug('Opt-in status not sent: the deployment is no longer opted in with the server as sender.');
      return;
    }
    if (generateOnly) {
      logger.debug('Opt-in status not sent: telemetry.generateOnly keeps everything on this server.');
      return;
    }
    const payloads = await getPayloads();
    if (payloads.length === 0) return;
    if (debug) {
      logger.info(`[OSD_TELEMETRY_DEBUG] opt-in status that would be sent to ${target.url} (not sent): ${JSON.stringify(payloads)}`);
      return;
    }
    await httpClient.post({ ...buildOptInStatusRequest(payloads, target), signal: abort.signal });
    logger.debug(`Opt-in status sent to ${target.url}.`);
  }

  const coalescer = createOptInStatusCoalescer<OptInStatusPayloads>({
    minIntervalMs,
    now,
    // The server's timer must not keep a stopping process alive.
    setTimer: (fn, ms) => setTimeout(fn, ms).unref(),
    clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
    send: (getPayloads, { delayed }) =>
      post(getPayloads, delayed).catch((error) => {
        if (error instanceof TelemetrySendError && error.kind === 'aborted') {
          logger.debug(`Opt-in status not sent: ${error.message}`);
          return;
        }
        logger.warn(
          `Failed to notify "${target.url}" from the server about the opt-in selection. Possibly blocked by a firewall? - ${(error as Error).message}`
        );
      }),
  });

  return {
    announceOptIn(getPayloads) {
      if (abort.signal.aborted) return;
      void coalescer.notify({ optedIn: true, payload: getPayloads });
    },
    cancelPending() {
      void coalescer.notify({ optedIn: false });
    },
    async stop() {
      abort.abort();
      await coalescer.stop();
    },
  };
}

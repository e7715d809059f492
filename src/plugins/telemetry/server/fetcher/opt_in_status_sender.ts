import type { Logger } from '../../../../core/server';
import { TelemetrySendError, type TelemetryHttpClient } from './http_client';
import { buildOptInStatusRequest, type RequestTarget } from './requests';

/** Announces an opt-in to `telemetry.optInStatusUrl`. */
export interface OptInStatusSender {
  /**
   * Posts the opt-in status in the background (never delays the caller): a failure is logged at warn,
   * never thrown. `getPayloads` runs in the background too.
   */
  sendInBackground(getPayloads: () => Promise<unknown[]>): void;
  /** Cancels requests in flight and waits for them to end. */
  stop(): Promise<void>;
}

export interface OptInStatusSenderOptions extends RequestTarget {
  logger: Logger;
  httpClient: TelemetryHttpClient;
  /** `OSD_TELEMETRY_DEBUG`: log the status instead of sending it. */
  debug: boolean;
}

export function createOptInStatusSender({ logger, httpClient, debug, ...target }: OptInStatusSenderOptions): OptInStatusSender {
  const inFlight = new Set<Promise<void>>();
  const abort = new AbortController();

  async function send(getPayloads: () => Promise<unknown[]>) {
    const payloads = await getPayloads();
    if (payloads.length === 0) return;
    if (debug) {
      logger.info(`[OSD_TELEMETRY_DEBUG] opt-in status that would be sent to ${target.url} (not sent): ${JSON.stringify(payloads)}`);
      return;
    }
    await httpClient.post({ ...buildOptInStatusRequest(payloads, target), signal: abort.signal });
    logger.debug(`Opt-in status sent to ${target.url}.`);
  }

  return {
    sendInBackground(getPayloads) {
      if (abort.signal.aborted) return;
      const promise = send(getPayloads)
        .catch((error) => {
          if (error instanceof TelemetrySendError && error.kind === 'aborted') {
            logger.debug(`Opt-in status not sent: ${error.message}`);
            return;
          }
          logger.warn(
            `Failed to notify "${target.url}" from the server about the opt-in selection. Possibly blocked by a firewall? - ${(error as Error).message}`
          );
        })
        .finally(() => inFlight.delete(promise));
      inFlight.add(promise);
    },
    async stop() {
      abort.abort();
      await Promise.all(inFlight);
    },
  };
}

import type { Client } from '@opensearch-project/opensearch';
import type { Logger } from '../logging/types';
import { describeCause, formatDuration, formatHosts, OpenSearchServiceError } from './errors';

export interface ClusterInfo {
  version: string;
  clusterName: string;
  clusterUuid: string;
}

export interface WaitForClusterOptions {
  client: Client;
  hosts: string[];
  /** Overall limit (`opensearch.startupTimeout`). */
  startupTimeoutMs: number;
  /** Limit of one attempt (`opensearch.pingTimeout`), cut to what is left of the overall limit. */
  pingTimeoutMs: number;
  logger: Logger;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const FIRST_DELAY_MS = 100;
const MAX_DELAY_MS = 2000;
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the cluster answers `GET /`, retrying with exponential backoff (100 ms doubling to
 * 2 s) for up to `startupTimeoutMs`; then fails with an error naming the hosts, the time waited and
 * the last cause. Refused credentials (401/403) fail at once: waiting cannot fix them.
 */
export async function waitForCluster(options: WaitForClusterOptions): Promise<ClusterInfo> {
  const { client, hosts, startupTimeoutMs, pingTimeoutMs, logger } = options;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const deadline = now() + startupTimeoutMs;
  let delay = FIRST_DELAY_MS;
  let lastError: unknown;
  for (let attempt = 1; ; attempt++) {
    const remaining = deadline - now();
    if (remaining <= 0) {
      throw OpenSearchServiceError.unreachable(hosts, startupTimeoutMs, lastError ?? 'timed out');
    }
    try {
      const { body } = await client.info({}, { requestTimeout: Math.min(pingTimeoutMs, remaining), maxRetries: 0 });
      return { version: body.version.number, clusterName: body.cluster_name, clusterUuid: body.cluster_uuid };
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      if (status === 401 || status === 403) {
        throw OpenSearchServiceError.credentialsRefused(hosts, error);
      }
      lastError = error;
      if (attempt === 1) {
        logger.warn(
          `OpenSearch at ${formatHosts(hosts)} is not reachable yet (${describeCause(error)}); ` +
            `retrying for up to ${formatDuration(startupTimeoutMs)}`
        );
      } else {
        logger.debug(`OpenSearch attempt ${attempt} failed: ${describeCause(error)}`);
      }
    }
    const wait = Math.min(delay, deadline - now());
    if (wait <= 0) {
      throw OpenSearchServiceError.unreachable(hosts, startupTimeoutMs, lastError);
    }
    await sleep(wait);
    delay = Math.min(delay * 2, MAX_DELAY_MS);
  }
}

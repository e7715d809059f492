import type { Client } from '@opensearch-project/opensearch';
import type { BehaviorSubject } from 'rxjs';
import type { Logger } from '../logging/types';
import { ServiceStatusLevels, type ServiceStatus } from '../status';
import { describeCause, formatHosts } from './errors';

export interface HealthCheckOptions {
  client: Client;
  hosts: string[];
  /** Pause between the end of one check and the start of the next (`opensearch.healthCheck.delay`). */
  delayMs: number;
  /** Limit of one check (`opensearch.pingTimeout`). */
  timeoutMs: number;
  logger: Logger;
  /** Receives the status whenever its level or summary changes. */
  status$: BehaviorSubject<ServiceStatus>;
}

export const availableStatus = (hosts: string[], clusterStatus?: string): ServiceStatus => ({
  level: ServiceStatusLevels.available,
  summary: 'OpenSearch is available',
  meta: { hosts, ...(clusterStatus && { clusterStatus }) },
});

/**
 * Asks the cluster for its health every `delayMs` once started: an answer means available, no
 * answer (or an error answer) degraded, so a cluster that goes away degrades the server instead of
 * crashing it, and one that comes back restores it. Checks never overlap (the next is scheduled when
 * one ends) and never throw: every failure becomes a status. Timers are unref'd, so a forgotten
 * stop() does not keep the process alive.
 */
export class OpenSearchHealthCheck {
  private timer?: NodeJS.Timeout;
  private stopped = true;

  constructor(private readonly options: HealthCheckOptions) {}

  public start() {
    this.stopped = false;
    this.schedule();
  }

  public stop() {
    this.stopped = true;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  /** One check; resolves (never rejects) once the status is updated. */
  public async check(): Promise<void> {
    const { client, hosts, timeoutMs, logger, status$ } = this.options;
    let next: ServiceStatus;
    try {
      // One try per host: with several hosts, one being down is not the cluster being down.
      const { body } = await client.cluster.health({}, { requestTimeout: timeoutMs, maxRetries: hosts.length - 1 });
      next = availableStatus(hosts, body.status);
    } catch (error) {
      next = {
        level: ServiceStatusLevels.degraded,
        summary: `Unable to reach OpenSearch at ${formatHosts(hosts)}: ${describeCause(error)}`,
        meta: { hosts },
      };
    }
    if (this.stopped) {
      return;
    }
    const previous = status$.getValue();
    if (previous.level !== next.level || previous.summary !== next.summary) {
      if (next.level === ServiceStatusLevels.available) {
        logger.info(`OpenSearch is available again at ${formatHosts(hosts)}`);
      } else {
        logger.warn(next.summary);
      }
      status$.next(next);
    }
  }

  private schedule() {
    if (this.stopped) {
      return;
    }
    this.timer = setTimeout(() => {
      void this.check().finally(() => this.schedule());
    }, this.options.delayMs);
    this.timer.unref();
  }
}

import type { IRouter, Logger } from '../../../../core/server';
import type { TelemetryCollectionManagerGetters } from '../../../telemetry_collection_manager/server';
import type { OptInStatusSender } from '../fetcher';
import type { OptInService } from '../opt_in_state';

/** What the telemetry routes need; one object, passed to every `register*Route`. */
export interface TelemetryRouteDeps {
  router: IRouter;
  logger: Logger;
  currentVersion: string;
  collectionManager: Pick<TelemetryCollectionManagerGetters, 'getStats' | 'getOptInStats'>;
  optIn: Pick<OptInService, 'compute' | 'refresh'>;
  optInStatusSender: Pick<OptInStatusSender, 'announceOptIn' | 'cancelPending'>;
  /** Wall clock (ms), for the reported period. */
  now?: () => number;
}

/** Reports cover the last 20 minutes by default (upstream's window). */
export const DEFAULT_WINDOW_MS = 20 * 60 * 1000;

/** `{ start, end }` of the last 20 minutes. Pure. */
export function defaultRange(now: number) {
  return { start: new Date(now - DEFAULT_WINDOW_MS).toISOString(), end: new Date(now).toISOString() };
}

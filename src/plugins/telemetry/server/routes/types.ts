import { schema } from '@osd/config-schema';
import type { IRouter, Logger } from '../../../../core/server';
import type { TelemetryCollectionManagerGetters } from '../../../telemetry_collection_manager/server';
import type { FetcherTask, OptInStatusSender } from '../fetcher';
import { REPORT_ID_PATTERN, type ReportLedger } from '../ledger';
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

/** What the report ledger routes (`/api/telemetry/v2/reports*`) need. */
export interface ReportRouteDeps {
  router: IRouter;
  logger: Logger;
  ledger: ReportLedger;
  /** The server sender; undefined before start, and when the environment forces an opt-out (no sender at all). */
  getSender: () => Pick<FetcherTask, 'sendNow'> | undefined;
  collectionManager: Pick<TelemetryCollectionManagerGetters, 'sealPlaintext'>;
  now?: () => number;
}

/** Every ledger route needs the telemetry-admin privilege (the `admin` role). */
export const REPORTS_PRIVILEGE_TAG = 'access:telemetry:reports';

/** A report id in a request: anything else is a 400 naming the field. */
export const reportIdSchema = schema.string({
  validate: (id) => (REPORT_ID_PATTERN.test(id) ? undefined : `must be a report id (lowercase letters, digits and "-"), got [${id.slice(0, 80)}]`),
});

/** `{id}` of a report route. */
export const reportIdParams = schema.object({ id: reportIdSchema });

/** The 404 of an unknown report id. */
export const reportNotFound = (id: string) => ({ body: { message: `Telemetry report [${id}] not found` } });

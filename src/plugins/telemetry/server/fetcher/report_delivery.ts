import type { Logger } from '../../../../core/server';
import type { SerializedReport, TelemetryCollectionManagerPluginStart } from '../../../telemetry_collection_manager/server';
import type { OptInLevel } from '../../common/consent';
import type { NewReport, ReportEntry, ReportLedger, ReportStatus, ReportTrigger } from '../ledger';
import type { TelemetryHttpClient } from './http_client';
import { buildReportRequest } from './requests';

/** Reports cover the last 20 minutes (upstream's window; the `local` collection reports totals anyway). */
const REPORT_WINDOW_MS = 20 * 60 * 1000;

export interface ReportDeliveryOptions {
  logger: Logger;
  url: string;
  currentVersion: string;
  requestTimeoutMs: number;
  /** `OSD_TELEMETRY_DEBUG`: log each report instead of sending it. */
  debug: boolean;
  /** `telemetry.generateOnly`: keep each report in the ledger, send nothing. */
  generateOnly: boolean;
  collectionManager: Pick<TelemetryCollectionManagerPluginStart, 'getSendableReports'>;
  httpClient: TelemetryHttpClient;
  /** Where every report is recorded; none in some unit tests. */
  ledger?: Pick<ReportLedger, 'record'>;
  /** Cancels requests in flight (server stop). */
  signal: AbortSignal;
  now: () => number;
}

/** What one delivery asks for. */
export interface DeliveryRequest {
  level: OptInLevel;
  trigger: ReportTrigger;
  /** Collect anew instead of using the collection manager's cache (an admin's "send now"). */
  refresh?: boolean;
}

/**
 * - `none`: no report says its cluster is opted in (the manager's gate), so nothing was sent or kept;
 * - `delivered`: every report was sent, or kept (`kept: true`, in generate-only and debug modes);
 * - `failed`: a post failed (`error`); the reports after it were not tried.
 * `reports` are what the ledger is to record, one per report, once the caller has done its own bookkeeping.
 */
export type DeliveryResult =
  | { outcome: 'none' }
  | { outcome: 'delivered'; kept: boolean; reports: NewReport[] }
  | { outcome: 'failed'; error: Error; reports: NewReport[] };

export interface ReportDelivery {
  /** Builds the reports and sends (or keeps) them. Rejects only when the report cannot be built. */
  deliver(request: DeliveryRequest): Promise<DeliveryResult>;
  /**
   * Records reports in the ledger, in order; resolves with the entries written (one that could not be is
   * logged and left out). Called after the sender's own bookkeeping, so a slow store never delays that.
   */
  keep(reports: readonly NewReport[]): Promise<ReportEntry[]>;
}

/**
 * The one path by which reports are built, sent and recorded, for the schedule and for an admin's "send
 * now" alike. Each report is serialised once (by the collection manager); the ledger keeps that text and
 * its hash, and the same text (or its JWE) is posted. It does not decide whether sending is allowed: the
 * callers check the consent first, and the manager leaves out every cluster that is not opted in.
 */
export function createReportDelivery(options: ReportDeliveryOptions): ReportDelivery {
  const { logger, url, currentVersion, requestTimeoutMs, debug, generateOnly, collectionManager, httpClient, ledger, signal, now } = options;
  const keepOnly = debug || generateOnly;

  const toRecord = (report: SerializedReport, generatedAt: number, status: ReportStatus, request: DeliveryRequest, error?: string): NewReport => ({
    plaintext: report.plaintext,
    generatedAt,
    status,
    level: request.level,
    destination: keepOnly ? null : url,
    clusterUuid: report.clusterUuid,
    encrypted: report.encrypted,
    trigger: request.trigger,
    ...(error !== undefined ? { error } : {}),
  });

  return {
    async deliver(request) {
      const end = now();
      const range = { start: new Date(end - REPORT_WINDOW_MS).toISOString(), end: new Date(end).toISOString() };
      // A kept report is never encrypted here: an export encrypts it when it leaves.
      const reports = await collectionManager.getSendableReports({ unencrypted: false, level: request.level, refreshCache: request.refresh, encrypt: !keepOnly, ...range });
      if (reports.length === 0) return { outcome: 'none' };

      const records: NewReport[] = [];
      let failure: Error | undefined;
      for (const report of reports) {
        let status: ReportStatus = keepOnly ? 'generated' : 'sent';
        let reason: string | undefined;
        if (debug) {
          logger.info(`[OSD_TELEMETRY_DEBUG] report that would be sent to ${url} (not sent):\n${JSON.stringify(JSON.parse(report.plaintext), null, 2)}`);
        } else if (!keepOnly && failure) {
          status = 'failed';
          reason = `not tried after the failure of another cluster's report: ${failure.message}`;
        } else if (!keepOnly) {
          try {
            await httpClient.post({ ...buildReportRequest(report, { url, version: currentVersion, timeoutMs: requestTimeoutMs }), signal });
          } catch (error) {
            failure = error as Error;
            status = 'failed';
            reason = failure.message;
          }
        }
        records.push(toRecord(report, end, status, request, reason));
      }
      return failure ? { outcome: 'failed', error: failure, reports: records } : { outcome: 'delivered', kept: keepOnly, reports: records };
    },
    async keep(reports) {
      const entries: ReportEntry[] = [];
      if (!ledger) return entries;
      for (const report of reports) {
        try {
          entries.push(await ledger.record(report));
        } catch (e) {
          // While the server stops (a send cut short), the store may be closing too: not worth a warning.
          (signal.aborted ? logger.debug : logger.warn).call(logger, `Could not keep the telemetry report in the ledger: ${(e as Error).message}`);
        }
      }
      return entries;
    },
  };
}

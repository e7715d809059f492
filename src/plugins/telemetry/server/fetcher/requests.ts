/*
 * The server's use of the shared request builder (`common/sender`): the same URL, headers and body as the
 * browser sender's, plus what only the server's transport takes (a time limit).
 */
import { buildOptInStatusRequest as buildOptInStatus, buildReportRequest as buildReport, type EncodedReport } from '../../common/sender';
import type { TelemetryPostRequest } from './http_client';

/** What a request needs besides its payload. */
export interface RequestTarget {
  url: string;
  /** The product version, sent in `osd-version`. */
  version: string;
  timeoutMs: number;
}

/**
 * One cluster's report, already serialised (`getSendableReports`): its body posted as it is, so the bytes
 * sent are the bytes the ledger hashed. Pure.
 */
export function buildReportRequest(report: EncodedReport, { url, version, timeoutMs }: RequestTarget): TelemetryPostRequest {
  return { ...buildReport({ body: report.body, encrypted: report.encrypted }, { url, version, side: 'server' }), timeoutMs };
}

/** The opt-in status of every cluster, as one JSON array (of JWE strings when encrypted). Pure. */
export function buildOptInStatusRequest(payloads: unknown[], { url, version, timeoutMs }: RequestTarget): TelemetryPostRequest {
  return { ...buildOptInStatus(payloads, { url, version, side: 'server' }), timeoutMs };
}

export { formatDuration } from '../../common/format_duration';

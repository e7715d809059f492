/*
 * What the report ledger's routes answer, as the browser reads them (`server/ledger` has the server's own
 * types; these describe only the JSON on the wire). Paths are relative to the server's base path.
 */
import { ENDPOINT_VERSION } from './constants';

/** The ledger routes; all need the `telemetry:reports` privilege (capability `telemetry.readReports`). */
export const REPORTS_API = {
  list: `/api/telemetry/${ENDPOINT_VERSION}/reports`,
  payload: (id: string) => `/api/telemetry/${ENDPOINT_VERSION}/reports/${encodeURIComponent(id)}`,
  diff: (id: string) => `/api/telemetry/${ENDPOINT_VERSION}/reports/${encodeURIComponent(id)}/_diff`,
  export: `/api/telemetry/${ENDPOINT_VERSION}/reports/_export`,
} as const;

/** One row of `GET /api/telemetry/v2/reports`: metadata only, never the payload. */
export interface ReportSummary {
  id: string;
  /** ISO 8601. */
  generatedAt: string;
  status: 'sent' | 'failed' | 'generated';
  level: 'operational' | 'full';
  destination: string | null;
  sizeBytes: number;
  sha256: string;
  clusterUuid: string;
  encrypted: boolean;
  trigger: 'schedule' | 'manual';
  error?: string;
}

/** One change of `GET /api/telemetry/v2/reports/{id}/_diff`. */
export interface ReportChange {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

/** `GET /api/telemetry/v2/reports/{id}/_diff`. */
export interface ReportDiff {
  id: string;
  /** The previous report of the same cluster, or `null` for the first one kept. */
  against: string | null;
  changes: ReportChange[];
  /** More changes exist than `maxChanges`. */
  truncated: boolean;
  maxChanges: number;
}

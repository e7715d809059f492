import { ENDPOINT_VERSION, JWE_CONTENT_TYPE, TELEMETRY_HEADERS } from '../../common/constants';
import type { TelemetryPostRequest } from './http_client';

/** What a request needs besides its payload. */
export interface RequestTarget {
  url: string;
  /** The product version, sent in `osd-version`. */
  version: string;
  timeoutMs: number;
}

type Channel = 'snapshot' | 'opt_in_status';

function headers(channel: Channel, contentType: string, version: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    [TELEMETRY_HEADERS.version]: version,
    [TELEMETRY_HEADERS.telemetryVersion]: ENDPOINT_VERSION,
    [TELEMETRY_HEADERS.channel]: channel,
    'User-Agent': `OpenSearch-Dashboards/${version}`,
  };
}

/**
 * One cluster's report, already serialised (`getSendableReports`): its body posted as it is, so the bytes
 * sent are the bytes the ledger hashed; a JWE as `application/jose`, plain JSON as `application/json`. Pure.
 */
export function buildReportRequest({ body, encrypted }: { body: string; encrypted: boolean }, { url, version, timeoutMs }: RequestTarget): TelemetryPostRequest {
  return { url, body, headers: headers('snapshot', encrypted ? JWE_CONTENT_TYPE : 'application/json', version), timeoutMs };
}

/** The opt-in status of every cluster, as one JSON array (of JWE strings when encrypted). Pure. */
export function buildOptInStatusRequest(payloads: unknown[], { url, version, timeoutMs }: RequestTarget): TelemetryPostRequest {
  return { url, body: JSON.stringify(payloads), headers: headers('opt_in_status', 'application/json', version), timeoutMs };
}

export { formatDuration } from '../../common/format_duration';

/*
 * The one request builder of both senders (server `server/fetcher`, browser `public/services`): URL,
 * headers and body encoding of a report and of an opt-in status. Pure, no Node or DOM imports. Each sender
 * only adds what its transport needs (the server a timeout and a cancel signal; the browser `method`).
 */
import { ENDPOINT_VERSION, JWE_CONTENT_TYPE, TELEMETRY_HEADERS } from '../constants';

/** What the receiver is told the request carries. */
export type TelemetryChannel = 'snapshot' | 'opt_in_status';

/** Who sends: a browser may not set `User-Agent` (a forbidden header), so only the server names itself. */
export type SenderSide = 'server' | 'browser';

/** Where a request goes and who sends it. */
export interface RequestTarget {
  url: string;
  /** The product version, sent as `osd-version`; left out when the sender does not know it. */
  version?: string;
  side: SenderSide;
}

/** A POST to a telemetry receiver, ready for any transport. */
export interface TelemetryRequest {
  url: string;
  /** Sent as it is. */
  body: string;
  /** `Content-Type` included. */
  headers: Record<string, string>;
}

/** One report ready to post: its exact text, and whether that text is a JWE. */
export interface EncodedReport {
  body: string;
  encrypted: boolean;
}

/** The headers of every outbound telemetry request. Pure. */
export function telemetryHeaders(channel: TelemetryChannel, contentType: string, { version, side }: Omit<RequestTarget, 'url'>): Record<string, string> {
  return {
    'Content-Type': contentType,
    ...(version !== undefined && version !== '' ? { [TELEMETRY_HEADERS.version]: version } : {}),
    [TELEMETRY_HEADERS.telemetryVersion]: ENDPOINT_VERSION,
    [TELEMETRY_HEADERS.channel]: channel,
    ...(side === 'server' && version ? { 'User-Agent': `OpenSearch-Dashboards/${version}` } : {}),
  };
}

/**
 * One cluster's report as the stats API gives it to the browser: a JWE (compact serialization, a string)
 * when encrypted, the report object otherwise. Pure.
 */
export function encodeReport(cluster: unknown): EncodedReport {
  if (typeof cluster === 'string') return { body: cluster, encrypted: true };
  const body = JSON.stringify(cluster);
  // JSON.stringify(undefined) is undefined: posting "undefined" would only fail later, at the receiver.
  if (typeof body !== 'string') throw new Error(`Not a telemetry report: ${String(cluster)}`);
  return { body, encrypted: false };
}

/** A report's request: posted as it is, a JWE as `application/jose`, plain JSON as `application/json`. Pure. */
export function buildReportRequest({ body, encrypted }: EncodedReport, target: RequestTarget): TelemetryRequest {
  return { url: target.url, body, headers: telemetryHeaders('snapshot', encrypted ? JWE_CONTENT_TYPE : 'application/json', target) };
}

/** The opt-in status of every cluster, as one JSON array (of JWE strings when encrypted). Pure. */
export function buildOptInStatusRequest(payloads: readonly unknown[], target: RequestTarget): TelemetryRequest {
  return { url: target.url, body: JSON.stringify(payloads), headers: telemetryHeaders('opt_in_status', 'application/json', target) };
}

/*
 * Names shared by the server half and the browser half of telemetry.
 */

/** Version segment of the telemetry routes and of the payload format sent to the receiver. */
export const ENDPOINT_VERSION = 'v2';

/** How often a report is sent, by default (24 h). */
export const REPORT_INTERVAL_MS = 86400000;

/** The saved object holding the opt-in choice and the sender's bookkeeping: type and id are both `telemetry`. */
export const TELEMETRY_SAVED_OBJECT_TYPE = 'telemetry';
export const TELEMETRY_SAVED_OBJECT_ID = 'telemetry';

/**
 * Failed sends in a row after which a sender pauses for `telemetry.failurePause` (see `retry_policy.ts`);
 * the tries before that are spaced by `telemetry.retryDelay`, doubled each time.
 */
export const MAX_REPORT_FAILURES = 3;

/** Where the privacy statement lives by default (the OpenSearch project is a Linux Foundation project). */
export const DEFAULT_PRIVACY_STATEMENT_URL = 'https://www.linuxfoundation.org/legal/privacy-policy';

/** Upstream's receivers (contacted only after an admin opted in). */
export const TELEMETRY_URLS = {
  prod: 'https://telemetry.opensearch.org/xpack/v2/send',
  staging: 'https://telemetry-staging.opensearch.org/xpack/v2/send',
  optInStatusProd: 'https://telemetry.opensearch.org/opt_in_status/v2/send',
  optInStatusStaging: 'https://telemetry-staging.opensearch.org/opt_in_status/v2/send',
} as const;

/** Headers of every outbound telemetry request, besides `Content-Type`. */
export const TELEMETRY_HEADERS = {
  /** The product version (`osd-version`, as OSD's browser requests carry it). */
  version: 'osd-version',
  /** The payload format: `v2`. */
  telemetryVersion: 'osd-telemetry-version',
  /** `snapshot` (the usage report) or `opt_in_status`. */
  channel: 'osd-telemetry-channel',
} as const;

/** `Content-Type` of a report sent as a JWE in compact serialization (RFC 7516 section 9.2.1). */
export const JWE_CONTENT_TYPE = 'application/jose';

import { TELEMETRY_HEADERS } from '../../keys/constants';

/** The payload format the receiver reads (`ENDPOINT_VERSION` of the sender). */
export const PAYLOAD_VERSION = 'v2';

/**
 * Why a request does not carry the sender's headers for `channel`, or undefined. The sender always sends
 * `osd-telemetry-version: v2` and the channel; a request without them is not from a sender of this
 * format and would be misread. Pure.
 */
export function senderHeadersProblem(headers: Record<string, string | string[] | undefined>, channel: 'snapshot' | 'opt_in_status'): string | undefined {
  const version = headers[TELEMETRY_HEADERS.telemetryVersion];
  if (version !== PAYLOAD_VERSION) return `header ${TELEMETRY_HEADERS.telemetryVersion} must be "${PAYLOAD_VERSION}", got ${JSON.stringify(version ?? null)}`;
  const sent = headers[TELEMETRY_HEADERS.channel];
  if (sent !== channel) return `header ${TELEMETRY_HEADERS.channel} must be "${channel}" on this route, got ${JSON.stringify(sent ?? null)}`;
  return undefined;
}

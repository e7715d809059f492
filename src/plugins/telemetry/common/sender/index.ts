export {
  buildOptInStatusRequest,
  buildReportRequest,
  encodeReport,
  telemetryHeaders,
  type EncodedReport,
  type RequestTarget,
  type SenderSide,
  type TelemetryChannel,
  type TelemetryRequest,
} from './request_builder';
export { senderKindFor, type SenderKind, type SenderSelectionState } from './select_sender';

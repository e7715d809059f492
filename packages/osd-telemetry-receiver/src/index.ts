/*
 * @osd/telemetry-receiver: the reference receiver of telemetry reports (docs/receiver.md). The CLI is
 * `npm run receiver`; the pieces are exported for tests and for embedding.
 */
export { main } from './cli/main';
export { parseArgs, USAGE } from './cli/args';
export { createReceiverKeyPair, writeReceiverKeyPair, PUBLIC_KEY_FILE, PRIVATE_KEY_FILE } from './keys/generate_key';
export { createReportDecryptor, readPrivateJwk, IntakeError, type ReportDecryptor } from './keys/decrypt';
export { startReceiverServer, type ReceiverServer, type ReceiverServerOptions } from './server/server';
export { openSqliteStore } from './store/sqlite_store';
export type { FleetStore, FleetSummary, AcceptedReport, RejectedReport } from './store/types';
export { loadCollectorSchemas, buildReportSchema } from './validation/report_schema';
export { validateReport } from './validation/validate_report';

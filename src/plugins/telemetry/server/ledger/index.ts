export { createReportLedger } from './report_ledger';
export type { LedgerClient, ReportLedger, ReportLedgerOptions } from './report_ledger';
export { REPORT_PAYLOAD_TYPE, REPORT_TYPE, reportPayloadSavedObjectType, reportSavedObjectType } from './saved_object_types';
export { REPORT_ID_PATTERN, digestOf } from './entry';
export { diffJson, DIFF_LIMITS } from './json_diff';
export type { JsonChange, JsonDiff } from './json_diff';
export { exportChunks, exportFileName, EXPORT_FORMAT, EXPORT_VERSION } from './export';
export type { ExportedReport } from './export';
export type { NewReport, ReportEntry, ReportStatus, ReportTrigger } from './types';

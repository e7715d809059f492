import { createHash } from 'crypto';
import { IntakeError, type ReportDecryptor } from '../keys/decrypt';
import type { SchemaNode } from '../validation/report_schema';
import { presentLeafPaths, validateReport } from '../validation/validate_report';
import type { AcceptedReport, FleetStore, ReportSource } from '../store/types';
import type { IntakeGauge } from './intake_gauge';
import { refuseEncoding, type PayloadEncoding } from './intake_policy';

export interface IntakeDeps {
  store: FleetStore;
  /** Absent: the receiver takes plain reports only. */
  decryptor?: ReportDecryptor;
  reportSchema: SchemaNode;
  /** Collector type → its schema, for the coverage paths. */
  collectorSchemas: Record<string, SchemaNode>;
  now: () => number;
  /** Counts the reports between arrival and the store (see intake_gauge.ts); optional. */
  gauge?: IntakeGauge;
}

/** What became of one report. */
export type IntakeResult =
  | { outcome: 'stored' | 'duplicate'; clusterUuid: string; timestamp: string }
  | { outcome: 'rejected' | 'duplicate_rejected'; clusterUuid: string; timestamp: string; path: string; reason: string };

/** The plaintext of a payload, decrypted when it is a JWE; refuses what the policy refuses (IntakeError 400). */
export async function openPayload(text: string, encoding: PayloadEncoding, decryptor: ReportDecryptor | undefined): Promise<string> {
  const refusal = refuseEncoding(encoding, decryptor !== undefined);
  if (refusal) throw new IntakeError(400, refusal);
  return encoding === 'jwe' ? decryptor!.decrypt(text.trim()) : text;
}

/** JSON.parse with a 400 naming the position, never a crash. */
export function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new IntakeError(400, `${what} is not valid JSON: ${(e as Error).message}`);
  }
}

const SAVED_OBJECT_COUNTS_TYPE = 'opensearchDashboards';

/** Characters of a rejected report kept for the operator to look at: enough to see the shape, bounded. */
export const MAX_REJECTED_PAYLOAD_CHARS = 1024 * 1024;

/** Collector type → declared paths carried, for a valid report. Pure. */
export function collectorPaths(report: any, collectorSchemas: Record<string, SchemaNode>, reportSchema: SchemaNode): Record<string, string[]> {
  const stats = report?.stack_stats?.opensearch_dashboards;
  if (!stats || typeof stats !== 'object') return {};
  const out: Record<string, string[]> = {};
  const pluginSchemas = (reportSchema as any).stack_stats.opensearch_dashboards.plugins as Record<string, SchemaNode>;
  for (const [type, data] of Object.entries((stats.plugins ?? {}) as Record<string, unknown>)) {
    if (data !== null && pluginSchemas[type] !== undefined) out[type] = [...presentLeafPaths(data, pluginSchemas[type])].sort();
  }
  const counts = collectorSchemas[SAVED_OBJECT_COUNTS_TYPE];
  if (counts) {
    const paths = [...presentLeafPaths(stats, counts)].filter((p) => p !== 'index').sort();
    if (paths.length > 0) out[SAVED_OBJECT_COUNTS_TYPE] = paths;
  }
  return out;
}

/**
 * One report's way in, for both the HTTP route and an imported file: decrypt (per the key policy), parse,
 * validate, then store as accepted or keep aside as rejected. Idempotent on (cluster uuid, timestamp).
 * Throws an IntakeError for what is refused outright (not a report, undecryptable, wrong key).
 */
export async function intakeReport(text: string, encoding: PayloadEncoding, source: ReportSource, deps: IntakeDeps, expectedSha256?: string): Promise<IntakeResult> {
  deps.gauge?.enter();
  let counted = true;
  // Left just before the store is called (or on a refusal): from then on the store has the report queued.
  const leave = () => {
    if (counted) deps.gauge?.leave();
    counted = false;
  };
  try {
    return await takeReport(text, encoding, source, deps, leave, expectedSha256);
  } finally {
    leave();
  }
}

async function takeReport(text: string, encoding: PayloadEncoding, source: ReportSource, deps: IntakeDeps, leave: () => void, expectedSha256?: string): Promise<IntakeResult> {
  const plaintext = await openPayload(text, encoding, deps.decryptor);
  if (expectedSha256 !== undefined && createHash('sha256').update(plaintext, 'utf8').digest('hex') !== expectedSha256) {
    throw new IntakeError(400, 'the payload does not match its sha256 (changed after the export?)');
  }
  const report = parseJson(plaintext, 'the report');
  const verdict = validateReport(report, deps.reportSchema);
  if (verdict.verdict === 'unidentifiable') throw new IntakeError(400, `not a telemetry report: ${verdict.reason}`);
  const { clusterUuid, timestamp } = verdict.identity;
  const receivedAt = deps.now();
  if (verdict.verdict === 'rejected') {
    leave();
    const written = await deps.store.addRejected({ clusterUuid, timestamp, source, receivedAt, path: verdict.path, reason: verdict.reason, payload: plaintext.slice(0, MAX_REJECTED_PAYLOAD_CHARS) });
    return { outcome: written === 'stored' ? 'rejected' : 'duplicate_rejected', clusterUuid, timestamp, path: verdict.path, reason: verdict.reason };
  }
  const r = report as any;
  const optInStatus = r.stack_stats?.opensearch_dashboards?.plugins?.telemetry?.opt_in_status;
  const accepted: AcceptedReport = {
    clusterUuid,
    timestamp,
    version: typeof r.version === 'string' ? r.version : 'unknown',
    encrypted: encoding === 'jwe',
    source,
    receivedAt,
    payload: plaintext,
    parsed: report,
    collectors: collectorPaths(r, deps.collectorSchemas, deps.reportSchema),
    // A report is only ever sent by an opted-in cluster; the collector says so explicitly when present.
    optedIn: typeof optInStatus === 'boolean' ? optInStatus : true,
  };
  leave();
  const written = await deps.store.addReport(accepted);
  return { outcome: written, clusterUuid, timestamp };
}

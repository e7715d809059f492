import { IntakeError } from '../../keys/decrypt';
import { intakeReport, parseJson } from '../../ingest/intake';
import type { RouteDeps } from '../types';

/** The export file of the ledger (`src/plugins/telemetry/server/ledger/export.ts`). */
export const EXPORT_FORMAT = 'osd-telemetry-export';
export const EXPORT_VERSION = 1;

/** At most this many per-report problems are listed in the answer (the counts are always complete). */
const MAX_LISTED = 100;

interface ImportAnswer {
  imported: number;
  duplicates: number;
  rejected: number;
  refused: number;
  /** Reports not imported, by their index in the file: kept aside as rejected, or refused outright. */
  problems: Array<{ index: number; id?: string; outcome: 'rejected' | 'refused'; path?: string; reason: string }>;
}

/**
 * `POST /v2/import`: an export file `{ format: 'osd-telemetry-export', version: 1, reports: [...] }`, as
 * `POST /api/telemetry/v2/reports/_export` writes it, for sites whose servers cannot reach the receiver.
 * Each entry's `payload` is the report (`payloadEncoding: 'json'`) or its JWE (`'jwe'`), checked against
 * its `sha256`, then taken as a posted report would be (key policy, validation, idempotency). Callers as
 * for `/v2/reports`. 400 for a file that is not an export (naming the field); otherwise 200 with counts
 * and the problems of single reports.
 */
export function registerImportRoute(deps: RouteDeps) {
  deps.app.post('/v2/import', { bodyLimit: deps.limits.maxImportBytes }, async (request, reply) => {
    if (!deps.takeIngestBudget(request, reply)) return reply;
    const bundle = parseJson(request.body as string, 'the export file') as Record<string, unknown>;
    if (!bundle || typeof bundle !== 'object' || Array.isArray(bundle)) throw new IntakeError(400, 'the export file must be a JSON object');
    if (bundle.format !== EXPORT_FORMAT) throw new IntakeError(400, `format must be "${EXPORT_FORMAT}", got ${JSON.stringify(bundle.format ?? null)}`);
    if (bundle.version !== EXPORT_VERSION) throw new IntakeError(400, `version must be ${EXPORT_VERSION}, got ${JSON.stringify(bundle.version ?? null)}`);
    const reports = bundle.reports;
    if (!Array.isArray(reports)) throw new IntakeError(400, 'reports must be an array');
    if (reports.length > deps.limits.maxImportReports) throw new IntakeError(400, `reports has ${reports.length} entries; at most ${deps.limits.maxImportReports} per file`);
    for (let i = 0; i < reports.length; i++) {
      const problem = entryProblem(reports[i]);
      if (problem) throw new IntakeError(400, `reports[${i}].${problem}`);
    }

    const answer: ImportAnswer = { imported: 0, duplicates: 0, rejected: 0, refused: 0, problems: [] };
    const note = (problem: ImportAnswer['problems'][number]) => {
      if (answer.problems.length < MAX_LISTED) answer.problems.push(problem);
    };
    for (let i = 0; i < reports.length; i++) {
      const entry = reports[i] as { id?: string; payloadEncoding: 'json' | 'jwe'; payload: string; sha256?: string };
      const id = typeof entry.id === 'string' ? entry.id.slice(0, 200) : undefined;
      try {
        const result = await intakeReport(entry.payload, entry.payloadEncoding, 'import', deps, entry.sha256);
        if (result.outcome === 'stored') answer.imported++;
        else if (result.outcome === 'duplicate' || result.outcome === 'duplicate_rejected') answer.duplicates++;
        else if (result.outcome === 'rejected') {
          answer.rejected++;
          note({ index: i, id, outcome: 'rejected', path: result.path, reason: result.reason });
        }
      } catch (e) {
        if (!(e instanceof IntakeError)) throw e;
        answer.refused++;
        note({ index: i, id, outcome: 'refused', reason: e.message });
      }
    }
    return reply.code(200).send(answer);
  });
}

/** Why one entry of `reports` is not an exported report (the field name first), or undefined. Pure. */
export function entryProblem(entry: unknown): string | undefined {
  if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return ' must be an object';
  const e = entry as Record<string, unknown>;
  if (e.payloadEncoding !== 'json' && e.payloadEncoding !== 'jwe') return `payloadEncoding must be "json" or "jwe", got ${JSON.stringify(e.payloadEncoding ?? null)}`;
  if (typeof e.payload !== 'string') return 'payload must be a string';
  if (e.sha256 !== undefined && (typeof e.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(e.sha256))) return 'sha256 must be 64 hex digits';
  return undefined;
}

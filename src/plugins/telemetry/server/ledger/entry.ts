import { createHash, randomBytes } from 'crypto';
import type { NewReport, ReportEntry } from './types';

/** What a report id looks like (also the route parameter's rule). */
export const REPORT_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * A new report id: the build time in base 36, then 8 random hex digits (`lzx3k2a1q-3f9a2c1b`). Short enough to
 * type in the CLI, and the ids of one deployment sort by age.
 */
export function newReportId(at: number, random: () => string = () => randomBytes(4).toString('hex')): string {
  return `${Math.max(0, Math.floor(at)).toString(36)}-${random()}`;
}

/** Size and SHA-256 (hex) of the UTF-8 bytes of `text`: the bytes posted or encrypted. Pure. */
export function digestOf(text: string): { sizeBytes: number; sha256: string } {
  const bytes = Buffer.from(text, 'utf8');
  return { sizeBytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** The ledger entry of `report` under `id`. Pure. */
export function toEntry(id: string, report: NewReport): ReportEntry {
  return {
    id,
    generatedAt: new Date(report.generatedAt).toISOString(),
    status: report.status,
    level: report.level,
    destination: report.destination,
    ...digestOf(report.plaintext),
    clusterUuid: report.clusterUuid,
    encrypted: report.encrypted,
    trigger: report.trigger,
    ...(report.error !== undefined ? { error: report.error } : {}),
  };
}

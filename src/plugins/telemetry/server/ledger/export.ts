import type { ReportEntry } from './types';

/** The `format` and `version` of an export file. */
export const EXPORT_FORMAT = 'osd-telemetry-export';
export const EXPORT_VERSION = 1;

/**
 * One report of an export: its ledger entry, and its payload as a string (so its SHA-256 can be checked
 * against `sha256`): the JSON text itself (`payloadEncoding: 'json'`), or a compact JWE of it to
 * `telemetry.encryptionKey` (`'jwe'`, with the key's `kid`).
 */
export type ExportedReport = ReportEntry & { payloadEncoding: 'json' | 'jwe'; kid?: string; payload: string };

export interface ExportSources {
  getPayload(id: string): Promise<string | undefined>;
  /** The JWE of a plaintext, or null when no key is set. */
  seal(plaintext: string): Promise<{ jwe: string; kid: string } | null>;
  /** Told about an entry whose payload is gone (trimmed meanwhile): it is left out. */
  onMissing?(id: string): void;
}

/**
 * The export file, `{ format, version, exportedAt, reports: [...] }`, as chunks of text: one report is read
 * (and encrypted) at a time, so an export of many large reports never sits in memory at once.
 */
export async function* exportChunks(entries: readonly ReportEntry[], exportedAt: string, sources: ExportSources): AsyncGenerator<string> {
  yield `{"format":${JSON.stringify(EXPORT_FORMAT)},"version":${EXPORT_VERSION},"exportedAt":${JSON.stringify(exportedAt)},"reports":[`;
  let first = true;
  for (const entry of entries) {
    const plaintext = await sources.getPayload(entry.id);
    if (plaintext === undefined) {
      sources.onMissing?.(entry.id);
      continue;
    }
    const sealed = await sources.seal(plaintext);
    const item: ExportedReport = sealed
      ? { ...entry, payloadEncoding: 'jwe', kid: sealed.kid, payload: sealed.jwe }
      : { ...entry, payloadEncoding: 'json', payload: plaintext };
    yield `${first ? '' : ','}${JSON.stringify(item)}`;
    first = false;
  }
  yield ']}';
}

/** `osd-telemetry-export-20240301T120000Z.json`: a file name for `Content-Disposition`. Pure. */
export function exportFileName(at: Date): string {
  return `${EXPORT_FORMAT}-${at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}.json`;
}

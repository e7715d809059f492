import type { OptInLevel } from '../../common/consent';

/** `sent`: the receiver answered 2xx. `failed`: it did not (or could not be reached). `generated`: kept, never sent. */
export type ReportStatus = 'sent' | 'failed' | 'generated';

/** What made the report: the sender's schedule, or an admin (`POST /api/telemetry/v2/reports/_send`). */
export type ReportTrigger = 'schedule' | 'manual';

/** One ledger entry: the metadata of a report the deployment generated. The payload is stored apart. */
export interface ReportEntry {
  id: string;
  /** When the report was built (ISO 8601). */
  generatedAt: string;
  status: ReportStatus;
  /** The consent level it was built at. */
  level: OptInLevel;
  /** The URL it was posted to; `null` when it was only kept (`generateOnly`, `OSD_TELEMETRY_DEBUG`). */
  destination: string | null;
  /** Size of the plaintext JSON in bytes (UTF-8). */
  sizeBytes: number;
  /** SHA-256 (hex) of the plaintext JSON: the bytes sent, or the bytes the sent JWE holds. */
  sha256: string;
  clusterUuid: string;
  /** Whether it went out as a JWE (`telemetry.encryptionKey`). */
  encrypted: boolean;
  trigger: ReportTrigger;
  /** Why a `failed` report was not delivered. */
  error?: string;
}

/** What the sender hands to the ledger for one report. */
export interface NewReport {
  /** The exact JSON text of the report (what was posted, or what its JWE holds). */
  plaintext: string;
  /** Epoch ms when it was built. */
  generatedAt: number;
  status: ReportStatus;
  level: OptInLevel;
  destination: string | null;
  clusterUuid: string;
  encrypted: boolean;
  trigger: ReportTrigger;
  error?: string;
}

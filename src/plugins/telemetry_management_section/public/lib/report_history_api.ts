/*
 * The browser's client of the report ledger's routes. The list is metadata only; a payload is fetched
 * when a report is opened, and the export is streamed to a file without being parsed.
 */
import type { HttpStart } from '../../../../core/public';
import { REPORTS_API, type ReportDiff, type ReportSummary } from '../../../telemetry/common/report_history';
import { attachmentFileName, prettyPrintJson } from './report_history_logic';

export interface ReportHistoryApi {
  list(): Promise<ReportSummary[]>;
  /** The payload as the server stores it, pretty-printed for reading with every token kept as written. */
  getPayload(id: string, signal?: AbortSignal): Promise<string>;
  getDiff(id: string, signal?: AbortSignal): Promise<ReportDiff>;
  /** The URL of one report's exact payload (same origin: a link with `download` saves it). */
  payloadUrl(id: string): string;
  /** `POST _export`: the file the server answered, and the name it gave it. */
  exportAll(): Promise<{ blob: Blob; fileName: string }>;
}

export interface ReportHistoryApiDeps {
  http: Pick<HttpStart, 'get' | 'basePath'>;
  /**
   * The browser's fetch, for the two answers read as they are: a payload as text (core's client would parse
   * it, and a re-serialisation could change its numbers) and the export as a blob (tens of megabytes).
   */
  fetch: typeof fetch;
}

/** The server's message of a failed call, or the error's. */
export function failureMessage(error: unknown): string {
  const e = error as { body?: { message?: unknown }; message?: unknown };
  if (e && typeof e.body?.message === 'string') return e.body.message;
  if (e && typeof e.message === 'string' && e.message) return e.message;
  return String(error);
}

/** `<what> failed: <the server's message>`, or the status when the answer has no message. */
async function failedAnswer(response: Response, what: string): Promise<string> {
  try {
    const body = await response.json();
    if (typeof body?.message === 'string') return `${what} failed: ${body.message}`;
  } catch {
    // Not JSON: the status says enough.
  }
  return `${what} failed: HTTP ${response.status}`;
}

export function createReportHistoryApi({ http, fetch: fetchFn }: ReportHistoryApiDeps): ReportHistoryApi {
  return {
    async list() {
      const { reports } = await http.get<{ reports: ReportSummary[] }>(REPORTS_API.list);
      return Array.isArray(reports) ? reports : [];
    },
    async getPayload(id, signal) {
      const response = await fetchFn(http.basePath.prepend(REPORTS_API.payload(id)), { credentials: 'same-origin', signal });
      if (!response.ok) throw new Error(await failedAnswer(response, 'Loading the report'));
      return prettyPrintJson(await response.text());
    },
    getDiff: (id, signal) => http.get<ReportDiff>(REPORTS_API.diff(id), { signal }),
    payloadUrl: (id) => http.basePath.prepend(REPORTS_API.payload(id)),
    async exportAll() {
      const response = await fetchFn(http.basePath.prepend(REPORTS_API.export), {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'osd-xsrf': 'telemetry-report-history' },
        body: '{}',
      });
      if (!response.ok) throw new Error(await failedAnswer(response, 'The export'));
      return { blob: await response.blob(), fileName: attachmentFileName(response.headers.get('content-disposition'), 'osd-telemetry-export.json') };
    },
  };
}

/** Saves a blob as a file through a temporary link (the browser's own download). */
export function saveBlob(blob: Blob, fileName: string, doc: Document = document) {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  doc.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled: the download keeps its own reference.
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

import type { Report } from './report';

/** Sends one report; resolves once the server accepted it. Rejects with `ReportRejectedError` for a 4xx. */
export type ReportHTTP = (report: Report) => Promise<void>;

/** The server refused the report itself (4xx): sending it again would be refused again. */
export class ReportRejectedError extends Error {
  constructor(public readonly status: number, message: string) {
    super(message);
    this.name = 'ReportRejectedError';
  }
}

/** Any other failure (5xx, network): the report is kept and sent again later. */
export class ReportSendError extends Error {
  constructor(message: string, public readonly status?: number) {
    super(message);
    this.name = 'ReportSendError';
  }
}

/** Browsers refuse `keepalive` bodies over 64 KiB; larger reports go without it. */
const KEEPALIVE_LIMIT = 60 * 1024;

export interface FetchHttpOptions {
  /** Full URL path of the report route, base path included. */
  url: string;
  /** Sent with every report (the server's `osd-xsrf` / `osd-version`). */
  headers: Record<string, string>;
  fetch: typeof fetch;
}

/**
 * POSTs `{ report }` with `fetch(…, { keepalive: true })`, so a report sent while the page is being hidden
 * or left is still delivered, and unlike `sendBeacon` it carries the `osd-xsrf` header.
 */
export function createFetchHttp({ url, headers, fetch: fetchImpl }: FetchHttpOptions): ReportHTTP {
  return async (report) => {
    const body = JSON.stringify({ report });
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body,
        credentials: 'same-origin',
        keepalive: body.length < KEEPALIVE_LIMIT,
      });
    } catch (error) {
      throw new ReportSendError(`Unable to send the ui metric report: ${(error as Error).message}`);
    }
    if (response.ok) return;
    const text = await response.text().catch(() => '');
    let message = text;
    try {
      message = JSON.parse(text).message ?? text;
    } catch {
      // not JSON: keep the text
    }
    const description = `${response.status} ${message || response.statusText}`.trim();
    // 408 and 429 are the server asking for a later try, not a refusal of the report.
    const refused = response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429;
    if (refused) throw new ReportRejectedError(response.status, description);
    throw new ReportSendError(`The server could not store the ui metric report: ${description}`, response.status);
  };
}

import type { Report } from './report';
import type { FailedSend } from './retry_policy';

/**
 * Sends one report; resolves once the server accepted it. Rejects with a `ReportSendError` carrying what
 * the retry rule (`decideRetry`) needs; any other rejection is taken as a network failure.
 */
export type ReportHTTP = (report: Report) => Promise<void>;

/** A send that did not end in a 2xx: the status and `Retry-After` of the answer, when one came. */
export class ReportSendError extends Error implements FailedSend {
  public readonly status?: number;
  public readonly retryAfter?: string;
  public readonly date?: string;

  constructor(message: string, failure: FailedSend = {}) {
    super(message);
    this.name = 'ReportSendError';
    this.status = failure.status;
    this.retryAfter = failure.retryAfter;
    this.date = failure.date;
  }
}

/** What the retry rule knows of any rejection of `ReportHTTP`. */
export function toFailedSend(error: unknown): FailedSend {
  if (error instanceof ReportSendError) return { status: error.status, retryAfter: error.retryAfter, date: error.date };
  return {};
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

/** A header of the answer, or `undefined` (a fake or odd `Response` may have no `headers`). */
function header(response: Response, name: string): string | undefined {
  return response.headers?.get(name) ?? undefined;
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
    throw new ReportSendError(`The server did not take the ui metric report: ${description}`, {
      status: response.status,
      retryAfter: header(response, 'retry-after'),
      date: header(response, 'date'),
    });
  };
}

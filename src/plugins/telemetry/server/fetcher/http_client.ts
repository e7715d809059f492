/*
 * The only place telemetry talks to the network. It uses node-fetch@2, the client the project standardised
 * on (CommonJS, works under Jest as is); Node's own fetch would do too, and only this file would change.
 */
import fetch, { type RequestInit } from 'node-fetch';

/** Why an outbound request failed. */
export type TelemetrySendErrorKind = 'timeout' | 'network' | 'http_status' | 'aborted';

/** A failed outbound request: `kind` says why, `status` is the HTTP status for `http_status`. */
export class TelemetrySendError extends Error {
  private constructor(
    message: string,
    public readonly kind: TelemetrySendErrorKind,
    public readonly status?: number
  ) {
    super(message);
    this.name = 'TelemetrySendError';
  }

  public static timeout(url: string, timeoutMs: number) {
    return new TelemetrySendError(`no answer from ${url} within ${timeoutMs} ms`, 'timeout');
  }

  public static network(url: string, cause: Error & { code?: string }) {
    // node-fetch repeats the URL in its message; the system error code says it all when there is one.
    return new TelemetrySendError(`cannot reach ${url}: ${cause.code ?? cause.message}`, 'network');
  }

  public static httpStatus(url: string, status: number) {
    return new TelemetrySendError(`${url} answered HTTP ${status}`, 'http_status', status);
  }

  public static aborted(url: string) {
    return new TelemetrySendError(`the request to ${url} was cancelled (the server is stopping)`, 'aborted');
  }
}

/** One POST. */
export interface TelemetryPostRequest {
  url: string;
  body: string;
  /** Sent as they are (`Content-Type` included). */
  headers: Record<string, string>;
  /** Limit for the whole exchange, response body included. */
  timeoutMs: number;
  /** Cancels the request (server stop). */
  signal?: AbortSignal;
}

/** Posts telemetry; resolves only on a 2xx answer, rejects with a `TelemetrySendError` otherwise. */
export interface TelemetryHttpClient {
  post(request: TelemetryPostRequest): Promise<{ status: number }>;
}

/**
 * The node-fetch client. Redirects are not followed (a 3xx is a failure): a report goes only where the
 * admin pointed `telemetry.url`.
 */
export function createTelemetryHttpClient(): TelemetryHttpClient {
  return {
    async post({ url, body, headers, timeoutMs, signal }) {
      const controller = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs);
      const onCancel = () => controller.abort();
      signal?.addEventListener('abort', onCancel);
      try {
        if (signal?.aborted) throw TelemetrySendError.aborted(url);
        const init: RequestInit = { method: 'POST', body, headers, redirect: 'manual', signal: controller.signal as RequestInit['signal'] };
        const response = await fetch(url, init);
        // Read to the end, so the connection is released and a hang in the body counts against the limit.
        await response.text();
        if (response.status < 200 || response.status > 299) throw TelemetrySendError.httpStatus(url, response.status);
        return { status: response.status };
      } catch (error) {
        if (error instanceof TelemetrySendError) throw error;
        if (timedOut) throw TelemetrySendError.timeout(url, timeoutMs);
        if (signal?.aborted) throw TelemetrySendError.aborted(url);
        throw TelemetrySendError.network(url, error as Error);
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onCancel);
      }
    },
  };
}

export type OpenSearchServiceErrorCode = 'unreachable' | 'credentials_refused' | 'invalid_config' | 'lifecycle';

/** Why the OpenSearch service could not start or be used; the message names the hosts or the key. */
export class OpenSearchServiceError extends Error {
  constructor(
    public readonly code: OpenSearchServiceErrorCode,
    message: string,
    options?: { cause?: unknown }
  ) {
    super(message, options);
    this.name = 'OpenSearchServiceError';
  }

  /** "Unable to connect to OpenSearch at [http://127.0.0.1:9200] after 60s: connect ECONNREFUSED ..." */
  public static unreachable(hosts: string[], timeoutMs: number, cause: unknown) {
    return new OpenSearchServiceError(
      'unreachable',
      `Unable to connect to OpenSearch at ${formatHosts(hosts)} after ${formatDuration(timeoutMs)}: ${describeCause(cause)}`,
      { cause }
    );
  }

  /** A 401/403 at start-up: retrying cannot help, so start fails at once. */
  public static credentialsRefused(hosts: string[], cause: unknown) {
    return new OpenSearchServiceError(
      'credentials_refused',
      `OpenSearch at ${formatHosts(hosts)} refused the configured credentials (opensearch.username): ${describeCause(cause)}`,
      { cause }
    );
  }

  public static invalidConfig(key: string, detail: string, cause?: unknown) {
    return new OpenSearchServiceError('invalid_config', `[opensearch.${key}]: ${detail}`, { cause });
  }

  public static lifecycle(message: string) {
    return new OpenSearchServiceError('lifecycle', message);
  }
}

/** 60000 → "60s", 1500 → "1.5s", 250 → "250ms": how durations read in messages. */
export function formatDuration(ms: number): string {
  return ms >= 1000 ? `${Number((ms / 1000).toFixed(3))}s` : `${ms}ms`;
}

export function formatHosts(hosts: string[]) {
  return `[${hosts.join(', ')}]`;
}

/** A client error in one line: the message, or the status and OpenSearch's reason for a response. */
export function describeCause(cause: unknown): string {
  if (cause && typeof cause === 'object') {
    const { statusCode, body, message } = cause as { statusCode?: number; body?: any; message?: string };
    const reason = body?.error?.reason ?? (typeof body?.error === 'string' ? body.error : undefined);
    if (statusCode && reason) {
      return `${statusCode} ${reason}`;
    }
    if (message) {
      return statusCode ? `${statusCode} ${message}` : message;
    }
  }
  return String(cause);
}

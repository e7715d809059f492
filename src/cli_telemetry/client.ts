/*
 * The CLI's only way to the server: HTTP with credentials from the environment, and every failure turned
 * into one line for the operator (a `CliError`), never a stack trace.
 */

/** A failure the operator should read: one line, exit code 1. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

export type Credentials = { kind: 'apiKey'; encoded: string } | { kind: 'basic'; username: string; password: string } | { kind: 'none' };

/** `OSD_API_KEY` (the encoded key) wins over `OSD_USERNAME` + `OSD_PASSWORD`; half a user/password pair is an error. Pure. */
export function readCredentials(env: Record<string, string | undefined>): Credentials {
  if (env.OSD_API_KEY) return { kind: 'apiKey', encoded: env.OSD_API_KEY.trim() };
  const { OSD_USERNAME: username, OSD_PASSWORD: password } = env;
  if (username && password) return { kind: 'basic', username, password };
  if (username || password) throw new CliError(`${username ? 'OSD_PASSWORD' : 'OSD_USERNAME'} is not set: set both OSD_USERNAME and OSD_PASSWORD (or OSD_API_KEY)`);
  return { kind: 'none' };
}

/** The `Authorization` header for `credentials`, if any. Pure. */
export function authorizationHeader(credentials: Credentials): string | undefined {
  if (credentials.kind === 'apiKey') return `ApiKey ${credentials.encoded}`;
  if (credentials.kind === 'basic') return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`, 'utf8').toString('base64')}`;
  return undefined;
}

export interface ApiClient {
  /** A request whose answer is read as text; non-2xx answers become a `CliError`. */
  text(method: string, path: string, body?: unknown, timeoutMs?: number): Promise<{ text: string }>;
  /** As `text`, parsed as JSON. */
  json<T = any>(method: string, path: string, body?: unknown, timeoutMs?: number): Promise<T>;
  /** A request whose body is left unread (a download). Non-2xx answers become a `CliError`. */
  stream(method: string, path: string, body?: unknown, timeoutMs?: number): Promise<Response>;
}

/** The server's message in an error answer (`{ message }`), or the start of the text. Pure. */
export function serverMessage(text: string): string {
  try {
    const parsed = JSON.parse(text);
    if (parsed && typeof parsed.message === 'string') return parsed.message;
  } catch {
    // not JSON
  }
  return text.trim().slice(0, 200);
}

/** The one line for a refused request. Pure. */
export function describeRefusal(status: number, message: string, credentials: Credentials): string {
  if (status === 401) {
    return credentials.kind === 'none'
      ? `401 Unauthorized: no credentials. Set OSD_API_KEY (an encoded API key), or OSD_USERNAME and OSD_PASSWORD. (${message})`
      : `401 Unauthorized: the server refused the credentials from ${credentials.kind === 'apiKey' ? 'OSD_API_KEY' : 'OSD_USERNAME/OSD_PASSWORD'}. (${message})`;
  }
  if (status === 403) return `403 Forbidden: ${message.replace(/^Forbidden: /, '')}. This needs the admin role.`;
  return `${status}: ${message}`;
}

const DEFAULT_TIMEOUT_MS = 120000;

export function createApiClient(baseUrl: string, credentials: Credentials): ApiClient {
  const authorization = authorizationHeader(credentials);

  async function request(method: string, path: string, body: unknown, timeoutMs: number): Promise<Response> {
    const headers: Record<string, string> = { 'osd-xsrf': 'true', ...(authorization ? { authorization } : {}) };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      if ((error as Error).name === 'TimeoutError') throw new CliError(`no answer from ${baseUrl} within ${timeoutMs / 1000} s`);
      throw new CliError(`cannot reach ${baseUrl}: ${cause?.code ?? cause?.message ?? (error as Error).message}. Is the server running? (--url or OSD_URL names it)`);
    }
    if (response.status >= 200 && response.status < 300) return response;
    const text = await response.text().catch(() => '');
    if (response.status >= 300 && response.status < 400) {
      throw new CliError(`${method} ${path} was redirected to ${response.headers.get('location') ?? '?'}: is --url the server's address (with its base path)?`);
    }
    throw new CliError(describeRefusal(response.status, serverMessage(text) || response.statusText, credentials));
  }

  return {
    async text(method, path, body, timeoutMs = DEFAULT_TIMEOUT_MS) {
      const response = await request(method, path, body, timeoutMs);
      return { text: await response.text() };
    },
    async json(method, path, body, timeoutMs = DEFAULT_TIMEOUT_MS) {
      const { text } = await this.text(method, path, body, timeoutMs);
      try {
        return JSON.parse(text);
      } catch {
        throw new CliError(`${method} ${path} did not answer JSON: is --url an OpenSearch Dashboards server?`);
      }
    },
    stream: (method, path, body, timeoutMs = 10 * 60000) => request(method, path, body, timeoutMs),
  };
}

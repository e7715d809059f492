import { BehaviorSubject } from 'rxjs';
import { BasePath } from './base_path';
import { HttpFetchError } from './http_fetch_error';
import { HttpFetchOptions, HttpFetchOptionsWithPath, HttpFetchQuery, HttpHandler } from './types';

export interface FetchDeps {
  basePath: BasePath;
  /** Sent as `osd-version`. */
  version: string;
  /** The browser's `fetch`; tests pass their own. */
  fetchImpl?: typeof fetch;
}

const JSON_CONTENT = /^application\/(.+\+)?json/;
const NDJSON_CONTENT = /^application\/x-ndjson/;

function buildUrl(path: string, query: HttpFetchQuery | undefined, basePath: BasePath, prepend: boolean) {
  const url = prepend ? basePath.prepend(path) : path;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  const text = params.toString();
  if (!text) return url;
  return `${url}${url.includes('?') ? '&' : '?'}${text}`;
}

async function readBody(response: Response) {
  const type = response.headers.get('content-type') ?? '';
  if (response.status === 204) return undefined;
  if (NDJSON_CONTENT.test(type)) return response.text();
  if (JSON_CONTENT.test(type)) {
    const text = await response.text();
    return text === '' ? undefined : JSON.parse(text);
  }
  if (type.startsWith('text/')) return response.text();
  return response.blob();
}

/**
 * `http.fetch` and its method shortcuts. Adds the base path, `osd-version` and `osd-xsrf` headers and JSON
 * content type, parses the answer, and rejects with the server's message on 4xx/5xx.
 */
export class Fetch {
  private readonly inFlight$ = new BehaviorSubject(0);

  constructor(private readonly deps: FetchDeps) {}

  public getInFlight$() {
    return this.inFlight$.asObservable();
  }

  public readonly fetch: HttpHandler = (pathOrOptions: string | HttpFetchOptionsWithPath, options?: HttpFetchOptions) => {
    const merged: HttpFetchOptionsWithPath =
      typeof pathOrOptions === 'string' ? { ...options, path: pathOrOptions } : pathOrOptions;
    return this.send(merged);
  };

  public shorthand(method: string): HttpHandler {
    return ((pathOrOptions: string | HttpFetchOptionsWithPath, options?: HttpFetchOptions) => {
      const merged: HttpFetchOptionsWithPath =
        typeof pathOrOptions === 'string' ? { ...options, path: pathOrOptions } : pathOrOptions;
      return this.send({ ...merged, method });
    }) as HttpHandler;
  }

  private async send(options: HttpFetchOptionsWithPath): Promise<any> {
    const { path, query, headers = {}, body, signal, prependBasePath = true, asSystemRequest, asResponse } = options;
    const method = (options.method ?? 'GET').toUpperCase();
    const url = buildUrl(path, query, this.deps.basePath, prependBasePath);
    const allHeaders: Record<string, string> = {
      'Content-Type': 'application/json',
      'osd-version': this.deps.version,
      'osd-xsrf': 'osd-fetch',
      ...(asSystemRequest ? { 'osd-system-request': 'true' } : {}),
      ...headers,
    };
    // The browser sets the multipart boundary itself; and a request without a body declares no type (the
    // server refuses an empty body announced as JSON).
    if ((typeof FormData !== 'undefined' && body instanceof FormData) || body === undefined || body === null) {
      if (!('Content-Type' in headers)) delete allHeaders['Content-Type'];
    }
    const request = { url, method };
    const fetchImpl = this.deps.fetchImpl ?? window.fetch.bind(window);

    this.inFlight$.next(this.inFlight$.value + 1);
    try {
      let response: Response;
      try {
        response = await fetchImpl(url, { method, headers: allHeaders, body: body ?? undefined, signal, credentials: 'same-origin' });
      } catch (e) {
        throw new HttpFetchError((e as Error).message || 'Network request failed', request);
      }
      let parsed: any;
      try {
        parsed = await readBody(response);
      } catch (e) {
        throw new HttpFetchError(`Unable to parse the response of ${method} ${url}: ${(e as Error).message}`, request, response);
      }
      if (!response.ok) {
        const message =
          (parsed && typeof parsed === 'object' && typeof parsed.message === 'string' && parsed.message) ||
          (typeof parsed === 'string' && parsed) ||
          response.statusText ||
          `Request failed with status ${response.status}`;
        throw new HttpFetchError(message, request, response, parsed);
      }
      return asResponse ? { response, body: parsed } : parsed;
    } finally {
      this.inFlight$.next(this.inFlight$.value - 1);
    }
  }
}

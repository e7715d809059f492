import { Observable } from 'rxjs';

/** `server.basePath` helpers for URLs the browser builds. */
export interface IBasePath {
  /** The base path of the current page ('' when none). */
  get(): string;
  /** Adds the base path to an absolute path (`/api/x` → `/osd/api/x`); other URLs are left alone. */
  prepend(url: string): string;
  /** Removes the base path from the start of a path. */
  remove(url: string): string;
  readonly serverBasePath: string;
}

/** Paths that work without a logged-in user (login pages and the like). */
export interface IAnonymousPaths {
  isAnonymous(path: string): boolean;
  register(path: string): void;
}

export interface HttpFetchQuery {
  [key: string]: string | number | boolean | undefined | Array<string | number | boolean>;
}

export interface HttpFetchOptions {
  method?: string;
  query?: HttpFetchQuery;
  headers?: Record<string, string>;
  body?: BodyInit | null;
  signal?: AbortSignal;
  /** Default true: `/api/x` is sent to `<basePath>/api/x`. */
  prependBasePath?: boolean;
  /** Marks the call as not user-initiated (`osd-system-request: true`). */
  asSystemRequest?: boolean;
  /** Resolve with `{ response, body }` instead of the body alone. */
  asResponse?: boolean;
}

export interface HttpFetchOptionsWithPath extends HttpFetchOptions {
  path: string;
}

export interface HttpResponse<T = any> {
  response: Response;
  body: T;
}

/** Fetches and parses: JSON bodies are parsed, errors (4xx/5xx, network) reject with an `HttpFetchError`. */
export interface HttpHandler {
  <T = any>(path: string, options?: HttpFetchOptions): Promise<T>;
  <T = any>(options: HttpFetchOptionsWithPath): Promise<T>;
}

export interface HttpSetup {
  basePath: IBasePath;
  anonymousPaths: IAnonymousPaths;
  fetch: HttpHandler;
  get: HttpHandler;
  post: HttpHandler;
  put: HttpHandler;
  patch: HttpHandler;
  delete: HttpHandler;
  head: HttpHandler;
  /** Counts toward the loading indicator in the header while its latest value is above 0. */
  addLoadingCountSource(count$: Observable<number>): void;
  /** How many requests (and other sources) are in flight. */
  getLoadingCount$(): Observable<number>;
}

export type HttpStart = HttpSetup;

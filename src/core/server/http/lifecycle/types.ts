import type { OpenSearchDashboardsRequest, OpenSearchDashboardsResponse, OpenSearchDashboardsResponseFactory, ResponseHeaders } from '../router';

/** What an interceptor may answer with: the route handlers' response factory. */
export type LifecycleResponseFactory = OpenSearchDashboardsResponseFactory;

type MaybePromise<T> = T | Promise<T>;

/** The request goes on to the next step. */
export interface LifecycleNext {
  readonly kind: 'next';
}

export interface OnPreAuthToolkit {
  next(): LifecycleNext;
}

/** Runs before authentication, on every request of a mounted route (rate limits, rewrites). */
export type OnPreAuthHandler = (
  request: OpenSearchDashboardsRequest,
  response: LifecycleResponseFactory,
  toolkit: OnPreAuthToolkit
) => MaybePromise<LifecycleNext | OpenSearchDashboardsResponse>;

export interface AuthResultParams {
  /** What the handler learnt about the caller; `core.http.auth.get(request).state` returns it. */
  state?: unknown;
  /** Headers added to the response (a refreshed session cookie, say). */
  responseHeaders?: ResponseHeaders;
}

export type AuthResult =
  | { readonly kind: 'authenticated'; readonly params: AuthResultParams }
  | { readonly kind: 'notHandled' }
  | { readonly kind: 'redirected'; readonly headers: ResponseHeaders & { location: string } };

export interface AuthToolkit {
  /** The caller is known. */
  authenticated(params?: AuthResultParams): AuthResult;
  /** No credentials this handler understands: 401 on routes that need auth, anonymous on optional ones. */
  notHandled(): AuthResult;
  /** Send the caller elsewhere (a login page) instead. */
  redirected(headers: ResponseHeaders & { location: string }): AuthResult;
}

/** The one authentication handler (a security plugin registers it). It may also answer itself (401, 429). */
export type AuthenticationHandler = (
  request: OpenSearchDashboardsRequest,
  response: LifecycleResponseFactory,
  toolkit: AuthToolkit
) => MaybePromise<AuthResult | OpenSearchDashboardsResponse>;

export interface OnPostAuthToolkit {
  next(): LifecycleNext;
}

/** Runs after authentication (authorization checks that need the caller). */
export type OnPostAuthHandler = (
  request: OpenSearchDashboardsRequest,
  response: LifecycleResponseFactory,
  toolkit: OnPostAuthToolkit
) => MaybePromise<LifecycleNext | OpenSearchDashboardsResponse>;

export interface OnPreResponseInfo {
  statusCode: number;
}

export interface OnPreResponseExtensions {
  /** Added to the response; a handler may not replace a header the route set. */
  headers?: ResponseHeaders;
}

export interface OnPreResponseResult {
  readonly kind: 'next';
  readonly headers?: ResponseHeaders;
}

export interface OnPreResponseToolkit {
  next(extensions?: OnPreResponseExtensions): OnPreResponseResult;
}

/** Runs before every response leaves, errors and not-found answers included. */
export type OnPreResponseHandler = (
  request: OpenSearchDashboardsRequest,
  info: OnPreResponseInfo,
  toolkit: OnPreResponseToolkit
) => MaybePromise<OnPreResponseResult>;

export enum AuthStatus {
  /** The auth handler recognised the caller. */
  authenticated = 'authenticated',
  /** The auth handler ran and did not recognise the caller (an optional-auth route). */
  unauthenticated = 'unauthenticated',
  /** No auth handler ran for this request: none is registered, or the route does not need auth. */
  unknown = 'unknown',
}

/** `core.http.auth`: what authentication found for a request. */
export interface HttpAuth {
  get<T = unknown>(request: OpenSearchDashboardsRequest): { status: AuthStatus; state?: T };
  isAuthenticated(request: OpenSearchDashboardsRequest): boolean;
}

/** The interceptor registration API on `core.http` (setup only). */
export interface HttpLifecycleSetup {
  registerOnPreAuth(handler: OnPreAuthHandler): void;
  /** At most one: a second call throws. */
  registerAuth(handler: AuthenticationHandler): void;
  registerOnPostAuth(handler: OnPostAuthHandler): void;
  registerOnPreResponse(handler: OnPreResponseHandler): void;
  auth: HttpAuth;
}

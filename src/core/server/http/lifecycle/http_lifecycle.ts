import type { OpenSearchDashboardsRequest, OpenSearchDashboardsResponse, ResponseHeaders } from '../router';
import { OpenSearchDashboardsResponse as ResponseClass, responseFactory } from '../router';
import {
  AuthStatus,
  type AuthenticationHandler,
  type AuthResult,
  type AuthToolkit,
  type HttpAuth,
  type HttpLifecycleSetup,
  type LifecycleNext,
  type OnPostAuthHandler,
  type OnPreAuthHandler,
  type OnPreResponseHandler,
  type OnPreResponseResult,
} from './types';

/** Identity of one incoming request, shared by every request object built for it (see REQUEST_KEY). */
export const REQUEST_KEY = Symbol('osd.requestKey');
type KeyedRequest = OpenSearchDashboardsRequest & { [REQUEST_KEY]?: object };

const NEXT: LifecycleNext = Object.freeze({ kind: 'next' });
const nextToolkit = Object.freeze({ next: () => NEXT });
const authToolkit: AuthToolkit = Object.freeze({
  authenticated: (params = {}) => ({ kind: 'authenticated', params }) as const,
  notHandled: () => ({ kind: 'notHandled' }) as const,
  redirected: (headers: ResponseHeaders & { location: string }) => ({ kind: 'redirected', headers }) as const,
});
const preResponseToolkit = Object.freeze({
  next: (extensions: { headers?: ResponseHeaders } = {}): OnPreResponseResult => ({ kind: 'next', headers: extensions.headers }),
});

/** What running the interceptors decided: answer now, or go on (with headers to add to the answer). */
export type LifecycleOutcome =
  | { kind: 'respond'; response: OpenSearchDashboardsResponse }
  | { kind: 'continue'; responseHeaders?: ResponseHeaders };

interface AuthRecord {
  status: AuthStatus;
  state?: unknown;
}

const CONTINUE: LifecycleOutcome = Object.freeze({ kind: 'continue' });

function keyOf(request: OpenSearchDashboardsRequest): object {
  return (request as KeyedRequest)[REQUEST_KEY] ?? request;
}

/**
 * The request interceptors of `core.http`: on-pre-auth, the one auth handler, on-post-auth and
 * on-pre-response, with upstream's names and toolkits. Registration closes when the server starts. The
 * auth outcome is kept per incoming request (weakly, so it goes with the request), which is what
 * `auth.get` and `request.auth.isAuthenticated` read.
 */
export class HttpLifecycle {
  private readonly preAuth: OnPreAuthHandler[] = [];
  private readonly postAuth: OnPostAuthHandler[] = [];
  private readonly preResponse: OnPreResponseHandler[] = [];
  private authHandler?: AuthenticationHandler;
  private closed = false;
  /**
   * The auth outcome lives on the request's key object, under a symbol of this instance: a WeakMap entry
   * per request would grow a table that only a full collection empties, and on a busy server that alone
   * drives full collections. Objects that cannot take a property (frozen ones) use the WeakMap.
   */
  private readonly recordKey = Symbol('osd.authRecord');
  private readonly frozenRecords = new WeakMap<object, AuthRecord>();

  public readonly auth: HttpAuth = {
    get: <T>(request: OpenSearchDashboardsRequest) => {
      const record = this.recordOf(request);
      return record ? { status: record.status, state: record.state as T } : { status: AuthStatus.unknown };
    },
    isAuthenticated: (request) => this.recordOf(request)?.status === AuthStatus.authenticated,
  };

  public setup(): HttpLifecycleSetup {
    return {
      registerOnPreAuth: (handler) => this.push(this.preAuth, handler, 'registerOnPreAuth'),
      registerAuth: (handler) => {
        this.assertOpen('registerAuth');
        if (this.authHandler) throw new Error('Auth interceptor was already registered');
        this.authHandler = handler;
      },
      registerOnPostAuth: (handler) => this.push(this.postAuth, handler, 'registerOnPostAuth'),
      registerOnPreResponse: (handler) => this.push(this.preResponse, handler, 'registerOnPreResponse'),
      auth: this.auth,
    };
  }

  /** Called when the server starts: interceptors registered later would silently miss routes. */
  public close() {
    this.closed = true;
  }

  /** True when a request must go through `runBeforeHandler` (false keeps the hot path free of it). */
  public get hasRequestInterceptors() {
    return this.preAuth.length > 0 || this.postAuth.length > 0 || this.authHandler !== undefined;
  }

  /** False when no plugin registered an auth handler: every route is open (core warns at start). */
  public get hasAuthHandler() {
    return this.authHandler !== undefined;
  }

  public get hasPreResponseInterceptors() {
    return this.preResponse.length > 0;
  }

  /** On-pre-auth, auth (unless the route opts out) and on-post-auth, in that order. */
  public async runBeforeHandler(request: OpenSearchDashboardsRequest): Promise<LifecycleOutcome> {
    for (const handler of this.preAuth) {
      const result = await handler(request, responseFactory, nextToolkit);
      if (result instanceof ResponseClass) return { kind: 'respond', response: result };
      assertNext(result, 'onPreAuth');
    }
    let outcome = CONTINUE;
    const authRequired = request.route.options.authRequired;
    if (this.authHandler && authRequired !== false) {
      outcome = await this.authenticate(this.authHandler, request, authRequired === 'optional');
      if (outcome.kind === 'respond') return outcome;
    }
    for (const handler of this.postAuth) {
      const result = await handler(request, responseFactory, nextToolkit);
      if (result instanceof ResponseClass) return { kind: 'respond', response: result };
      assertNext(result, 'onPostAuth');
    }
    return outcome;
  }

  /**
   * Headers the on-pre-response interceptors add to an answer of `statusCode`. Runs on every response, so
   * it stays synchronous (no promise) as long as the interceptors answer synchronously.
   */
  public runPreResponse(request: OpenSearchDashboardsRequest, statusCode: number): ResponseHeaders | Promise<ResponseHeaders> {
    const headers: ResponseHeaders = {};
    const info = { statusCode };
    for (let i = 0; i < this.preResponse.length; i++) {
      const result = this.preResponse[i](request, info, preResponseToolkit);
      if (typeof (result as PromiseLike<unknown> | undefined)?.then === 'function') {
        return this.finishPreResponse(result as PromiseLike<OnPreResponseResult>, i + 1, request, info, headers);
      }
      addPreResponseHeaders(headers, result as OnPreResponseResult);
    }
    return headers;
  }

  private async finishPreResponse(
    pending: PromiseLike<OnPreResponseResult>,
    next: number,
    request: OpenSearchDashboardsRequest,
    info: { statusCode: number },
    headers: ResponseHeaders
  ): Promise<ResponseHeaders> {
    addPreResponseHeaders(headers, await pending);
    for (let i = next; i < this.preResponse.length; i++) {
      addPreResponseHeaders(headers, await this.preResponse[i](request, info, preResponseToolkit));
    }
    return headers;
  }

  private recordOf(request: OpenSearchDashboardsRequest): AuthRecord | undefined {
    const key = keyOf(request) as { [key: symbol]: AuthRecord | undefined };
    return key[this.recordKey] ?? this.frozenRecords.get(key);
  }

  private setRecord(request: OpenSearchDashboardsRequest, record: AuthRecord) {
    const key = keyOf(request) as { [key: symbol]: AuthRecord | undefined };
    if (Object.isExtensible(key)) key[this.recordKey] = record;
    else this.frozenRecords.set(key, record);
  }

  private async authenticate(handler: AuthenticationHandler, request: OpenSearchDashboardsRequest, optional: boolean): Promise<LifecycleOutcome> {
    const result: AuthResult | OpenSearchDashboardsResponse = await handler(request, responseFactory, authToolkit);
    if (result instanceof ResponseClass) {
      this.setRecord(request, { status: AuthStatus.unauthenticated });
      return { kind: 'respond', response: result };
    }
    switch (result?.kind) {
      case 'authenticated':
        this.setRecord(request, { status: AuthStatus.authenticated, state: result.params.state });
        return result.params.responseHeaders ? { kind: 'continue', responseHeaders: result.params.responseHeaders } : CONTINUE;
      case 'notHandled':
        this.setRecord(request, { status: AuthStatus.unauthenticated });
        return optional ? CONTINUE : { kind: 'respond', response: responseFactory.unauthorized() };
      case 'redirected':
        this.setRecord(request, { status: AuthStatus.unauthenticated });
        return { kind: 'respond', response: responseFactory.redirected({ headers: result.headers }) };
      default:
        throw new Error(`Unexpected result from the authentication handler: ${JSON.stringify(result)}`);
    }
  }

  private push<T>(list: T[], handler: T, name: string) {
    this.assertOpen(name);
    if (typeof handler !== 'function') throw new Error(`${name} expects a function, got ${typeof handler}`);
    list.push(handler);
  }

  private assertOpen(name: string) {
    if (this.closed) throw new Error(`${name} must be called during setup: the server has started`);
  }
}

function addPreResponseHeaders(headers: ResponseHeaders, result: OnPreResponseResult) {
  if (!result || result.kind !== 'next') throw new Error(`Unexpected result from onPreResponse: ${JSON.stringify(result)}`);
  if (result.headers) Object.assign(headers, result.headers);
}

function assertNext(result: unknown, name: string) {
  if (result !== NEXT && (result as LifecycleNext | undefined)?.kind !== 'next') {
    throw new Error(`Unexpected result from ${name}: expected toolkit.next() or a response`);
  }
}

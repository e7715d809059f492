import { Type } from '@osd/config-schema';
import { OpenSearchDashboardsRequest } from './request';
import { IOpenSearchDashboardsResponse, OpenSearchDashboardsResponseFactory } from './response';

export type RouteMethod = 'get' | 'post' | 'put' | 'delete' | 'patch';

/** A validator: a config-schema type, or a function that returns the value or throws. */
export type RouteValidationFunction<T> = (data: unknown) => T;
export type RouteValidationSpec<T> = Type<T> | RouteValidationFunction<T>;

export interface RouteValidatorConfig<P, Q, B> {
  params?: RouteValidationSpec<P>;
  query?: RouteValidationSpec<Q>;
  body?: RouteValidationSpec<B>;
}

export interface RouteConfigOptionsBody {
  /** Largest accepted body for this route, in bytes; defaults to `server.maxPayloadBytes`. */
  maxBytes?: number;
  /** Content types accepted (default JSON and text). */
  accepts?: string | string[];
  /**
   * `false` hands the handler the body's raw bytes (a Buffer) instead of parsing it, as upstream's
   * `parse: false`: for routes that parse elsewhere (say, off the event loop). Default true.
   */
  parse?: boolean;
}

export interface RouteConfigOptions {
  /** Non-GET routes require the `osd-xsrf` header unless this is false. */
  xsrfRequired?: boolean;
  authRequired?: boolean | 'optional';
  tags?: readonly string[];
  body?: RouteConfigOptionsBody;
}

export interface RouteConfig<P, Q, B> {
  /** Path in upstream's syntax: `/api/x/{id}`, `/api/x/{id?}`, `/files/{path*}`. */
  path: string;
  /** Required: `false` must be written out to accept no input. */
  validate: RouteValidatorConfig<P, Q, B> | false;
  options?: RouteConfigOptions;
}

/**
 * The per-request context handed to handlers. Core fills `core`; plugins add their own keys through
 * `http.registerRouteHandlerContext`.
 */
export interface RequestHandlerContext {
  core: CoreRequestHandlerContext;
  [pluginContext: string]: any;
}

/** Filled by the server; typed loosely here to keep the HTTP layer free of the other services. */
export interface CoreRequestHandlerContext {
  /** `client` sees visible types only; `getClient({ includedHiddenTypes })` adds the named hidden ones (upstream's API). */
  savedObjects: { client: any; typeRegistry: any; getClient(options?: { includedHiddenTypes?: string[] }): any };
  uiSettings: { client: any };
  opensearch?: { client: { asInternalUser: any; asCurrentUser: any }; legacy: { client: any } };
}

export type RequestHandler<P = unknown, Q = unknown, B = unknown, Ctx = RequestHandlerContext> = (
  context: Ctx,
  request: OpenSearchDashboardsRequest<P, Q, B>,
  response: OpenSearchDashboardsResponseFactory
) => IOpenSearchDashboardsResponse | Promise<IOpenSearchDashboardsResponse>;

export type RouteRegistrar = <P = unknown, Q = unknown, B = unknown>(
  route: RouteConfig<P, Q, B>,
  handler: RequestHandler<P, Q, B>
) => void;

/** An OSD-style router: one per plugin, its routes mounted when the server starts. */
export interface IRouter {
  readonly routerPath: string;
  get: RouteRegistrar;
  post: RouteRegistrar;
  put: RouteRegistrar;
  delete: RouteRegistrar;
  patch: RouteRegistrar;
  /** Wraps a handler so errors that carry a 4xx status (saved-object errors) become that response. */
  handleLegacyErrors<P, Q, B>(handler: RequestHandler<P, Q, B>): RequestHandler<P, Q, B>;
}

export type RequestHandlerContextProvider<K extends string> = (
  context: RequestHandlerContext,
  request: OpenSearchDashboardsRequest
) => RequestHandlerContext[K] | Promise<RequestHandlerContext[K]>;

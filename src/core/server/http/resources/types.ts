import type { IOpenSearchDashboardsResponse, OpenSearchDashboardsResponseFactory, ResponseHeaders } from '../router/response';
import type { OpenSearchDashboardsRequest } from '../router/request';
import type { RequestHandlerContext, RouteConfig } from '../router/types';

export interface HttpResourcesRenderOptions {
  /** Extra response headers; the page's own security headers (CSP, nosniff, no-store) win over them. */
  headers?: ResponseHeaders;
}

export interface HttpResourcesResponseOptions {
  body: string | Buffer;
  /** Extra response headers; the content type and the security headers win over them. */
  headers?: ResponseHeaders;
}

/** What a resource handler can answer on top of the usual response factory (upstream's names). */
export interface HttpResourcesServiceToolkit {
  /** The host page with the caller's own UI settings and capabilities: for signed-in pages. */
  renderCoreApp(options?: HttpResourcesRenderOptions): Promise<IOpenSearchDashboardsResponse>;
  /**
   * The host page for a caller who may not be signed in (the login page): the registered UI settings'
   * defaults only, no stored user values; capabilities as resolved for this (anonymous) request.
   */
  renderAnonymousCoreApp(options?: HttpResourcesRenderOptions): Promise<IOpenSearchDashboardsResponse>;
  /** A plugin's own HTML, with the page's security headers. */
  renderHtml(options: HttpResourcesResponseOptions): IOpenSearchDashboardsResponse;
  /** A plugin's own script, with the page's security headers. */
  renderJs(options: HttpResourcesResponseOptions): IOpenSearchDashboardsResponse;
}

export type HttpResourcesResponseFactory = OpenSearchDashboardsResponseFactory & HttpResourcesServiceToolkit;

export type HttpResourcesRequestHandler<P = unknown, Q = unknown, B = unknown> = (
  context: RequestHandlerContext,
  request: OpenSearchDashboardsRequest<P, Q, B>,
  response: HttpResourcesResponseFactory
) => IOpenSearchDashboardsResponse | Promise<IOpenSearchDashboardsResponse>;

/** `core.http.resources`: GET routes that answer with a page or a static resource. */
export interface HttpResources {
  /** Registers a GET route (during setup, like any route); `options.authRequired` applies as usual. */
  register<P = unknown, Q = unknown, B = unknown>(route: RouteConfig<P, Q, B>, handler: HttpResourcesRequestHandler<P, Q, B>): void;
}

export interface CorePageRenderOptions {
  /** False for pages served before sign-in: no stored user values are read. */
  includeUserSettings: boolean;
}

/** Renders the host page's HTML; the rendering service provides it once it is set up. */
export type CorePageRenderer = (
  context: RequestHandlerContext,
  request: OpenSearchDashboardsRequest,
  options: CorePageRenderOptions
) => Promise<string>;
